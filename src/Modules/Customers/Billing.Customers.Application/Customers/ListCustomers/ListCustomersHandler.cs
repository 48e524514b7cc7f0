using Billing.BuildingBlocks.Application.Access;
using Billing.BuildingBlocks.Application.Paging;
using Billing.Customers.Contracts;
using MediatR;

namespace Billing.Customers.Application.Customers.ListCustomers;

internal sealed class ListCustomersHandler(ICustomerRepository customers, ICallerContext caller)
    : IRequestHandler<ListCustomersQuery, CursorPage<CustomerDto>>
{
    public async Task<CursorPage<CustomerDto>> Handle(ListCustomersQuery query, CancellationToken cancellationToken)
    {
        var limit = query.Limit ?? Cursor.DefaultLimit;
        var after = query.Cursor is null ? null : NewestFirstCursor.TryParse(query.Cursor, out var parsed) ? parsed : null;

        // One row more than asked tells whether another page exists without counting.
        var rows = await customers.ListAsync(new CustomerListSpecification(query, after, limit + 1), cancellationToken);
        var hasMore = rows.Count > limit;
        var page = rows.Take(limit).ToList();
        return new CursorPage<CustomerDto>(
            page.Select(customer => customer.ToDto(caller.Environment)).ToList(),
            hasMore,
            hasMore ? NewestFirstCursor.Encode(page[^1].CreatedAt, page[^1].Id) : null);
    }
}
