using Billing.BuildingBlocks.Domain;

namespace Billing.Customers.Domain.Customers;

internal sealed record CustomerArchived(string CustomerId, DateTimeOffset OccurredAt) : IDomainEvent;
