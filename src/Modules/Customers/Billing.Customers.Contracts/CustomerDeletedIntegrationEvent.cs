using Billing.BuildingBlocks.Application.Events;

namespace Billing.Customers.Contracts;

/// <summary>A customer without invoices or subscriptions was deleted (CUS-3); its external id may be used again.</summary>
public sealed record CustomerDeletedIntegrationEvent(Guid Id, DateTimeOffset OccurredAt, string CustomerId, string ExternalId)
    : IntegrationEvent(Id, OccurredAt);
