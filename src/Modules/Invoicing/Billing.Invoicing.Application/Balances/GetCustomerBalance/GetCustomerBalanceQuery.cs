using Billing.BuildingBlocks.Application.Messaging;
using Billing.Invoicing.Contracts;

namespace Billing.Invoicing.Application.Balances.GetCustomerBalance;

/// <summary>INV-16: a customer's balance and the ledger behind it.</summary>
internal sealed record GetCustomerBalanceQuery(string CustomerId) : IQuery<CustomerBalanceDto>;
