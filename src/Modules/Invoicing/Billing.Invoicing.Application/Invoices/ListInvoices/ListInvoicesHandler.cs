using Billing.BuildingBlocks.Application.Paging;
using Billing.Invoicing.Contracts;
using MediatR;

namespace Billing.Invoicing.Application.Invoices.ListInvoices;

internal sealed class ListInvoicesHandler(IInvoiceRepository invoices) : IRequestHandler<ListInvoicesQuery, CursorPage<InvoiceSummaryDto>>
{
    public async Task<CursorPage<InvoiceSummaryDto>> Handle(ListInvoicesQuery query, CancellationToken cancellationToken)
    {
        var limit = query.Limit ?? Cursor.DefaultLimit;
        var after = query.Cursor is not null && NewestFirstCursor.TryParse(query.Cursor, out var parsed) ? parsed : null;

        // One row more than asked tells whether another page exists without counting.
        var rows = await invoices.ListAsync(new InvoiceListSpecification(query, after, limit + 1), cancellationToken);
        var hasMore = rows.Count > limit;
        var page = rows.Take(limit).ToList();
        return new CursorPage<InvoiceSummaryDto>(page.Select(row => row.ToDto()).ToList(), hasMore, hasMore ? NewestFirstCursor.Encode(page[^1].CreatedAt, page[^1].Id) : null);
    }
}
