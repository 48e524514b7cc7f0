using Billing.BuildingBlocks.Application.Audit;
using Billing.Invoicing.Domain.Invoices;

namespace Billing.Invoicing.Application.Invoices;

/// <summary>Invoices of the caller's environment.</summary>
internal interface IInvoiceRepository
{
    void Add(Invoice invoice);

    /// <summary>A tracked invoice with its lines, to change inside a command.</summary>
    Task<Invoice?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>Tracked invoices with their lines, in one query; unknown ids are absent.</summary>
    Task<IReadOnlyDictionary<string, Invoice>> FindManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    Task<Invoice?> ReadAsync(string id, CancellationToken cancellationToken);

    /// <summary>The highest generation the period has had (a regeneration counts up from it); null if none.</summary>
    Task<int?> LastGenerationAsync(string subscriptionId, DateTimeOffset periodStart, CancellationToken cancellationToken);

    /// <summary>Which of these subscription periods have an invoice of any generation (this unit of work's included).</summary>
    Task<IReadOnlySet<SubscriptionPeriod>> InvoicedAsync(IReadOnlyCollection<SubscriptionPeriod> periods, CancellationToken cancellationToken);

    /// <summary>
    /// The live (not void) invoices, with lines, of these subscriptions for periods ending after
    /// <paramref name="periodsEndingAfter"/>, except <paramref name="excluding"/>: what late usage is
    /// compared against (INV-5).
    /// </summary>
    Task<IReadOnlyList<Invoice>> ListLiveAsync(
        IReadOnlyCollection<string> subscriptionIds, DateTimeOffset periodsEndingAfter, IReadOnlyCollection<string> excluding, CancellationToken cancellationToken);

    Task<IReadOnlyList<AuditEntryDto>> HistoryAsync(string invoiceId, CancellationToken cancellationToken);

    /// <summary>
    /// For each of these subscription periods, when the subscription's latest finalized invoice of an
    /// earlier period was issued; absent when there is none.
    /// </summary>
    Task<IReadOnlyDictionary<SubscriptionPeriod, DateTimeOffset>> LastIssuedBeforeAsync(
        IReadOnlyCollection<SubscriptionPeriod> periods, CancellationToken cancellationToken);

    /// <summary>
    /// INV-7: the next number of the environment. Inside one unit of work (which holds the write lock)
    /// each call gives the one after the last, without asking the database again.
    /// </summary>
    Task<long> NextSequenceAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> DraftsDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> OverdueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>OPS-4: the earliest end of a draft's grace after the instant, if any.</summary>
    Task<DateTimeOffset?> NextFinalizationAfterAsync(DateTimeOffset after, CancellationToken cancellationToken);

    /// <summary>OPS-4: the earliest due date of an open invoice after the instant, if any.</summary>
    Task<DateTimeOffset?> NextDueDateAfterAsync(DateTimeOffset after, CancellationToken cancellationToken);

    Task<bool> CustomerHasInvoicesAsync(string customerId, CancellationToken cancellationToken);
}

/// <summary>A subscription's billing period, named by its start.</summary>
internal readonly record struct SubscriptionPeriod(string SubscriptionId, DateTimeOffset PeriodStart);

internal static class InvoiceRepositoryExtensions
{
    /// <summary>A tracked invoice to act on, or 404 naming it.</summary>
    public static async Task<Invoice> GetAsync(this IInvoiceRepository invoices, string id, CancellationToken cancellationToken) =>
        await invoices.FindAsync(id, cancellationToken) ?? throw new BuildingBlocks.Application.Errors.NotFoundException(InvoiceMapping.AuditEntityType, id);
}
