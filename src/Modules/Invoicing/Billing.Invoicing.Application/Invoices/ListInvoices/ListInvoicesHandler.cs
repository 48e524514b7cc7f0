using Billing.BuildingBlocks.Application.Paging;
using Billing.Invoicing.Contracts;
using MediatR;

namespace Billing.Invoicing.Application.Invoices.ListInvoices;

internal sealed class ListInvoicesHandler(IInvoiceListReader invoices) : IRequestHandler<ListInvoicesQuery, CursorPage<InvoiceSummaryDto>>
{
    public async Task<CursorPage<InvoiceSummaryDto>> Handle(ListInvoicesQuery query, CancellationToken cancellationToken)
    {
        var limit = query.Limit ?? Cursor.DefaultLimit;
        var after = query.Cursor is not null && NewestFirstCursor.TryParse(query.Cursor, out var parsed) ? parsed : null;

        // One row more than asked tells whether another page exists without counting.
        var rows = await invoices.PageAsync(query, after, limit + 1, cancellationToken);
        var hasMore = rows.Count > limit;
        var page = new List<InvoiceSummaryDto>(Math.Min(rows.Count, limit));
        for (var i = 0; i < rows.Count && i < limit; i++)
        {
            page.Add(rows[i].ToDto());
        }

        return new CursorPage<InvoiceSummaryDto>(page, hasMore, hasMore ? NewestFirstCursor.Encode(page[^1].CreatedAt, page[^1].Id) : null);
    }
}
