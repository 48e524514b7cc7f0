using Billing.BuildingBlocks.Application.Paging;

namespace Billing.Invoicing.Application.Invoices.ListInvoices;

/// <summary>
/// INV-13: the invoices the list's filters select, newest first, in the caller's environment. The
/// list is the API's busiest read (P6), so it is served by one plain statement in Infrastructure
/// rather than through EF Core (docs-adr/0025).
/// </summary>
internal interface IInvoiceListReader
{
    /// <summary>At most <paramref name="rows"/> rows after the cursor (from the newest without one).</summary>
    Task<IReadOnlyList<InvoiceListRow>> PageAsync(ListInvoicesQuery filters, NewestFirstCursor? after, int rows, CancellationToken cancellationToken);

    /// <summary>Every row the filters select, streamed (the CSV export of any size); the query's cursor and limit are ignored.</summary>
    IAsyncEnumerable<InvoiceListRow> StreamAsync(ListInvoicesQuery filters, CancellationToken cancellationToken);
}
