using Billing.BuildingBlocks.Application.Messaging;

namespace Billing.Customers.Application.Customers.DeleteCustomer;

/// <summary>CUS-3: delete a customer that was never billed; one with invoices or subscriptions is archived instead.</summary>
internal sealed record DeleteCustomerCommand(string CustomerId) : ICommand<bool>;
