using Billing.BuildingBlocks.Application.Messaging;

namespace Billing.Payments.Application.Customers.CreateStripeCustomer;

/// <summary>PAY-2: queue the making of a customer's Stripe customer; run after commit, linked back when Stripe answers.</summary>
internal sealed record CreateStripeCustomerCommand(string CustomerId) : ICommand<bool>;
