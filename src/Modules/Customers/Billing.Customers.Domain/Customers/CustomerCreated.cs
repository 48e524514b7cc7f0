using Billing.BuildingBlocks.Domain;

namespace Billing.Customers.Domain.Customers;

internal sealed record CustomerCreated(string CustomerId, string ExternalId, bool CreateInStripe, DateTimeOffset OccurredAt) : IDomainEvent;
