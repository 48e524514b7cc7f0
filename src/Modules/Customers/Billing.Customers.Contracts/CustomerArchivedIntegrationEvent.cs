using Billing.BuildingBlocks.Application.Events;

namespace Billing.Customers.Contracts;

/// <summary>A customer was archived: no future billing cycles (CUS-3).</summary>
public sealed record CustomerArchivedIntegrationEvent(Guid Id, DateTimeOffset OccurredAt, string CustomerId)
    : IntegrationEvent(Id, OccurredAt);
