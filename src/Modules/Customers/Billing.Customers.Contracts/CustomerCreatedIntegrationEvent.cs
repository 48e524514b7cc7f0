using Billing.BuildingBlocks.Application.Events;

namespace Billing.Customers.Contracts;

/// <summary>
/// A customer was created. With <c>CreateStripeCustomer</c> (<c>?stripe=true</c>) Payments makes the
/// Stripe customer and links it (PAY-2).
/// </summary>
public sealed record CustomerCreatedIntegrationEvent(Guid Id, DateTimeOffset OccurredAt, string CustomerId, string ExternalId, bool CreateStripeCustomer = false)
    : IntegrationEvent(Id, OccurredAt);
