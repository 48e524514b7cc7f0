using Billing.BuildingBlocks.Application.Events;

namespace Billing.Customers.Contracts;

/// <summary>A customer was created. Payments reacts to it to create the Stripe customer (PAY-2).</summary>
public sealed record CustomerCreatedIntegrationEvent(Guid Id, DateTimeOffset OccurredAt, string CustomerId, string ExternalId)
    : IntegrationEvent(Id, OccurredAt);
