using Billing.BuildingBlocks.Application.Audit;
using Billing.BuildingBlocks.Application.Messaging;

namespace Billing.Customers.Application.Customers.GetCustomerHistory;

/// <summary>AUD-1: every change to one customer, oldest first.</summary>
internal sealed record GetCustomerHistoryQuery(string CustomerId) : IQuery<IReadOnlyList<AuditEntryDto>>;
