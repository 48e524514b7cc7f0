using Billing.BuildingBlocks.Application.Messaging;
using Billing.Customers.Contracts;

namespace Billing.Customers.Application.Customers.ArchiveCustomer;

/// <summary>CUS-3: archive instead of delete; the customer and its history stay readable.</summary>
internal sealed record ArchiveCustomerCommand(string CustomerId) : ICommand<CustomerDto>;
