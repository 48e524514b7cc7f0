using Billing.BuildingBlocks.Application.Audit;
using Billing.BuildingBlocks.Application.Specifications;
using Billing.Invoicing.Application.Invoices.ListInvoices;
using Billing.Invoicing.Domain.Invoices;

namespace Billing.Invoicing.Application.Invoices;

/// <summary>Invoices of the caller's environment.</summary>
internal interface IInvoiceRepository
{
    void Add(Invoice invoice);

    /// <summary>A tracked invoice with its lines, to change inside a command.</summary>
    Task<Invoice?> FindAsync(string id, CancellationToken cancellationToken);

    Task<Invoice?> ReadAsync(string id, CancellationToken cancellationToken);

    /// <summary>The highest generation the period has had (a regeneration counts up from it); null if none.</summary>
    Task<int?> LastGenerationAsync(string subscriptionId, DateTimeOffset periodStart, CancellationToken cancellationToken);

    /// <summary>
    /// The subscription's live (not void) invoices, with lines, for periods ending after
    /// <paramref name="periodsEndingAfter"/>: what late usage is compared against (INV-5).
    /// </summary>
    Task<IReadOnlyList<Invoice>> ListLiveAsync(string subscriptionId, DateTimeOffset periodsEndingAfter, CancellationToken cancellationToken);

    Task<IReadOnlyList<AuditEntryDto>> HistoryAsync(string invoiceId, CancellationToken cancellationToken);

    /// <summary>When the subscription's latest finalized invoice before this period was issued.</summary>
    Task<DateTimeOffset?> LastIssuedBeforeAsync(string subscriptionId, DateTimeOffset periodStart, CancellationToken cancellationToken);

    /// <summary>INV-7: the last number given in the environment, counting those given in this unit of work (0 before the first).</summary>
    Task<long> LastSequenceAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> DraftsDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> OverdueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    Task<IReadOnlyList<InvoiceListRow>> ListAsync(Specification<Invoice> specification, CancellationToken cancellationToken);

    /// <summary>Every row the specification selects, streamed (the CSV export of any size).</summary>
    IAsyncEnumerable<InvoiceListRow> StreamAsync(Specification<Invoice> specification, CancellationToken cancellationToken);

    Task<bool> CustomerHasInvoicesAsync(string customerId, CancellationToken cancellationToken);
}

internal static class InvoiceRepositoryExtensions
{
    /// <summary>A tracked invoice to act on, or 404 naming it.</summary>
    public static async Task<Invoice> GetAsync(this IInvoiceRepository invoices, string id, CancellationToken cancellationToken) =>
        await invoices.FindAsync(id, cancellationToken) ?? throw new BuildingBlocks.Application.Errors.NotFoundException(InvoiceMapping.AuditEntityType, id);
}
