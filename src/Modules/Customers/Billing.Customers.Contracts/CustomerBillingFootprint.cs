using Billing.BuildingBlocks.Application.Messaging;

namespace Billing.Customers.Contracts;

/// <summary>
/// CUS-3: whether anything outside Customers holds records of the customer (invoices,
/// subscriptions) that its deletion would orphan. Customers asks; the module that keeps those
/// records (Invoicing) answers. The question is Customers' own, so Customers needs nothing of the
/// module that answers and the modules' Contracts form no cycle (ARCHITECTURE.md rule 9, ADR 0038).
/// </summary>
public sealed record GetCustomerBillingFootprintQuery(string CustomerId) : IQuery<CustomerBillingFootprintDto>;

public sealed record CustomerBillingFootprintDto(bool HasInvoices, bool HasSubscriptions);
