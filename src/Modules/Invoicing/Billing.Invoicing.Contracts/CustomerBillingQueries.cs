using Billing.BuildingBlocks.Application.Messaging;

namespace Billing.Invoicing.Contracts;

/// <summary>CUS-3: whether Invoicing holds anything of the customer (invoices, subscriptions) that a deletion would orphan.</summary>
public sealed record GetCustomerBillingFootprintQuery(string CustomerId) : IQuery<CustomerBillingFootprintDto>;

public sealed record CustomerBillingFootprintDto(bool HasInvoices, bool HasSubscriptions);
