using Billing.BuildingBlocks.Application.Messaging;

namespace Billing.Customers.Contracts;

/// <summary>
/// PAY-2: Payments made a Stripe customer for a customer created with <c>?stripe=true</c> and links
/// it. A customer linked meanwhile keeps its link; repeating the command changes nothing.
/// </summary>
public sealed record LinkStripeCustomerCommand(string CustomerId, string StripeCustomerId) : ICommand<CustomerDto>;
