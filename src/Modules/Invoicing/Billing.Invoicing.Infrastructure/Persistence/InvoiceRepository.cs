using Billing.BuildingBlocks.Application.Access;
using Billing.BuildingBlocks.Application.Audit;
using Billing.BuildingBlocks.Infrastructure.Audit;
using Billing.BuildingBlocks.Infrastructure.Persistence;
using Billing.Invoicing.Application.Invoices;
using Billing.Invoicing.Domain.Invoices;
using Microsoft.EntityFrameworkCore;

namespace Billing.Invoicing.Infrastructure.Persistence;

internal sealed class InvoiceRepository(InvoicingDbContext context, ICallerContext caller) : IInvoiceRepository, IDisposable
{
    private readonly InvoiceNumbers _numbers = new();

    // Invoices added in this unit of work, not saved yet. Kept here rather than read from
    // DbSet.Local, which runs change detection over everything tracked on every call.
    private readonly List<Invoice> _added = [];

    public void Add(Invoice invoice)
    {
        context.Invoices.Add(invoice);
        _added.Add(invoice);
    }

    public async Task<Invoice?> FindAsync(string id, CancellationToken cancellationToken) =>
        await context.Invoices.FindAsync([id], cancellationToken);

    /// <remarks>
    /// The ids go as one JSON parameter (<c>json_each</c>) rather than one parameter each: EF Core
    /// rewrites a list of parameters on every execution, and a cycle's batch of finalizations passes
    /// hundreds of ids here (docs-adr/0027).
    /// </remarks>
    public async Task<IReadOnlyDictionary<string, Invoice>> FindManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        await context.Invoices.Where(invoice => EF.Parameter(ids).Contains(invoice.Id)).ToDictionaryAsync(invoice => invoice.Id, cancellationToken);

    public Task<Invoice?> ReadAsync(string id, CancellationToken cancellationToken) =>
        context.Invoices.AsNoTracking().SingleOrDefaultAsync(invoice => invoice.Id == id, cancellationToken);

    public async Task<int?> LastGenerationAsync(string subscriptionId, DateTimeOffset periodStart, CancellationToken cancellationToken)
    {
        var pending = _added
            .Where(invoice => invoice.SubscriptionId == subscriptionId && invoice.PeriodStart == periodStart)
            .Select(invoice => (int?)invoice.Generation)
            .Max();
        var stored = await context.Invoices
            .Where(invoice => invoice.SubscriptionId == subscriptionId && invoice.PeriodStart == periodStart)
            .MaxAsync(invoice => (int?)invoice.Generation, cancellationToken);
        return pending is null ? stored : stored is null ? pending : Math.Max(pending.Value, stored.Value);
    }

    public async Task<IReadOnlySet<SubscriptionPeriod>> InvoicedAsync(IReadOnlyCollection<SubscriptionPeriod> periods, CancellationToken cancellationToken)
    {
        var subscriptionIds = periods.Select(period => period.SubscriptionId).Distinct().ToList();
        var starts = periods.Select(period => period.PeriodStart).Distinct().ToList();
        var stored = await context.Invoices
            .Where(invoice => EF.Parameter(subscriptionIds).Contains(invoice.SubscriptionId) && starts.Contains(invoice.PeriodStart))
            .Select(invoice => new { invoice.SubscriptionId, invoice.PeriodStart })
            .ToListAsync(cancellationToken);
        var invoiced = stored.Select(row => new SubscriptionPeriod(row.SubscriptionId, row.PeriodStart))
            .Concat(_added.Select(invoice => new SubscriptionPeriod(invoice.SubscriptionId, invoice.PeriodStart)))
            .ToHashSet();
        invoiced.IntersectWith(periods);
        return invoiced;
    }

    public async Task<IReadOnlyList<Invoice>> ListLiveAsync(
        IReadOnlyCollection<string> subscriptionIds, DateTimeOffset periodsEndingAfter, IReadOnlyCollection<string> excluding, CancellationToken cancellationToken) =>
        await context.Invoices.AsNoTracking()
            .Where(invoice => EF.Parameter(subscriptionIds).Contains(invoice.SubscriptionId) && invoice.PeriodEnd > periodsEndingAfter && invoice.Status != InvoiceStatus.Void
                && !EF.Parameter(excluding).Contains(invoice.Id))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyDictionary<SubscriptionPeriod, DateTimeOffset>> LastIssuedBeforeAsync(
        IReadOnlyCollection<SubscriptionPeriod> periods, CancellationToken cancellationToken)
    {
        var issued = new Dictionary<SubscriptionPeriod, DateTimeOffset>(periods.Count);

        // One query per distinct period start: a batch of one cycle has a single one.
        foreach (var group in periods.GroupBy(period => period.PeriodStart))
        {
            var start = group.Key;
            var subscriptionIds = group.Select(period => period.SubscriptionId).Distinct().ToList();
            var latest = await context.Invoices
                .Where(invoice => EF.Parameter(subscriptionIds).Contains(invoice.SubscriptionId) && invoice.IssuedAt != null && invoice.PeriodStart < start
                    && invoice.PeriodStart == context.Invoices
                        .Where(earlier => earlier.SubscriptionId == invoice.SubscriptionId && earlier.IssuedAt != null && earlier.PeriodStart < start)
                        .Max(earlier => earlier.PeriodStart))
                .Select(invoice => new { invoice.SubscriptionId, IssuedAt = invoice.IssuedAt!.Value })
                .ToListAsync(cancellationToken);
            foreach (var row in latest)
            {
                var key = new SubscriptionPeriod(row.SubscriptionId, start);
                issued[key] = issued.TryGetValue(key, out var other) && other > row.IssuedAt ? other : row.IssuedAt;
            }
        }

        return issued;
    }

    public Task<long> NextSequenceAsync(CancellationToken cancellationToken) => _numbers.NextAsync(context, caller, cancellationToken);

    public void Dispose() => _numbers.Dispose();

    public async Task<IReadOnlyList<string>> DraftsDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        await context.Invoices
            .Where(invoice => invoice.Status == InvoiceStatus.Draft && invoice.FinalizesAt <= now)
            .OrderBy(invoice => invoice.FinalizesAt).ThenBy(invoice => invoice.Id)
            .Select(invoice => invoice.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<string>> OverdueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        // Past due once the whole due day is over (Invoice.IsOverdue).
        var dueBefore = now - Invoice.OverdueAfterDueDate;
        return await context.Invoices
            .Where(invoice => invoice.Status == InvoiceStatus.Open && invoice.DueDate <= dueBefore)
            .OrderBy(invoice => invoice.DueDate).ThenBy(invoice => invoice.Id)
            .Select(invoice => invoice.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
    }

    public async Task<DateTimeOffset?> NextFinalizationAfterAsync(DateTimeOffset after, CancellationToken cancellationToken) =>
        await context.Invoices
            .Where(invoice => invoice.Status == InvoiceStatus.Draft && invoice.FinalizesAt > after)
            .OrderBy(invoice => invoice.FinalizesAt)
            .Select(invoice => (DateTimeOffset?)invoice.FinalizesAt)
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<DateTimeOffset?> NextDueDateAfterAsync(DateTimeOffset after, CancellationToken cancellationToken) =>
        await context.Invoices
            .Where(invoice => invoice.Status == InvoiceStatus.Open && invoice.DueDate > after)
            .OrderBy(invoice => invoice.DueDate)
            .Select(invoice => invoice.DueDate)
            .FirstOrDefaultAsync(cancellationToken);

    public Task<bool> CustomerHasInvoicesAsync(string customerId, CancellationToken cancellationToken) =>
        context.Invoices.AnyAsync(invoice => invoice.CustomerId == customerId, cancellationToken);

    public Task<IReadOnlyList<AuditEntryDto>> HistoryAsync(string invoiceId, CancellationToken cancellationToken) =>
        context.ReadAuditHistoryAsync(Application.Invoices.InvoiceMapping.AuditEntityType, invoiceId, cancellationToken);
}
