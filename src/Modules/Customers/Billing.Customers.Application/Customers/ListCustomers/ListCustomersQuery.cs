using Billing.BuildingBlocks.Application.Messaging;
using Billing.BuildingBlocks.Application.Paging;
using Billing.Customers.Contracts;

namespace Billing.Customers.Application.Customers.ListCustomers;

/// <summary>
/// CUS-1 list, newest first. <c>q</c> searches external id, name and email (case-insensitive);
/// the other filters match exactly.
/// </summary>
internal sealed record ListCustomersQuery(
    string? Kind,
    string? Status,
    string? ExternalId,
    string? Q,
    int? Limit,
    string? Cursor) : IQuery<CursorPage<CustomerDto>>;
