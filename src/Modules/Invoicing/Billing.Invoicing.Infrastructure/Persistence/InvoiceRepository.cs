using Billing.BuildingBlocks.Application.Audit;
using Billing.BuildingBlocks.Application.Specifications;
using Billing.BuildingBlocks.Infrastructure.Audit;
using Billing.BuildingBlocks.Infrastructure.Persistence;
using Billing.Invoicing.Application.Invoices;
using Billing.Invoicing.Application.Invoices.ListInvoices;
using Billing.Invoicing.Domain.Invoices;
using Microsoft.EntityFrameworkCore;

namespace Billing.Invoicing.Infrastructure.Persistence;

internal sealed class InvoiceRepository(InvoicingDbContext context) : IInvoiceRepository
{
    public void Add(Invoice invoice) => context.Invoices.Add(invoice);

    public async Task<Invoice?> FindAsync(string id, CancellationToken cancellationToken) =>
        context.Invoices.Local.FirstOrDefault(invoice => invoice.Id == id)
        ?? await context.Invoices.SingleOrDefaultAsync(invoice => invoice.Id == id, cancellationToken);

    public Task<Invoice?> ReadAsync(string id, CancellationToken cancellationToken) =>
        context.Invoices.AsNoTracking().SingleOrDefaultAsync(invoice => invoice.Id == id, cancellationToken);

    public async Task<int?> LastGenerationAsync(string subscriptionId, DateTimeOffset periodStart, CancellationToken cancellationToken)
    {
        var pending = context.Invoices.Local
            .Where(invoice => invoice.SubscriptionId == subscriptionId && invoice.PeriodStart == periodStart)
            .Select(invoice => (int?)invoice.Generation)
            .Max();
        var stored = await context.Invoices
            .Where(invoice => invoice.SubscriptionId == subscriptionId && invoice.PeriodStart == periodStart)
            .MaxAsync(invoice => (int?)invoice.Generation, cancellationToken);
        return pending is null ? stored : stored is null ? pending : Math.Max(pending.Value, stored.Value);
    }

    public async Task<IReadOnlyList<Invoice>> ListLiveAsync(string subscriptionId, DateTimeOffset periodsEndingAfter, CancellationToken cancellationToken) =>
        await context.Invoices.AsNoTracking()
            .Where(invoice => invoice.SubscriptionId == subscriptionId && invoice.PeriodEnd > periodsEndingAfter && invoice.Status != InvoiceStatus.Void)
            .ToListAsync(cancellationToken);

    public Task<DateTimeOffset?> LastIssuedBeforeAsync(string subscriptionId, DateTimeOffset periodStart, CancellationToken cancellationToken) =>
        context.Invoices
            .Where(invoice => invoice.SubscriptionId == subscriptionId && invoice.PeriodStart < periodStart && invoice.IssuedAt != null)
            .OrderByDescending(invoice => invoice.PeriodStart)
            .Select(invoice => invoice.IssuedAt)
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<long> LastSequenceAsync(CancellationToken cancellationToken)
    {
        // Numbers given earlier in this unit of work are not saved yet; count them too.
        var pending = context.Invoices.Local.Max(invoice => invoice.Sequence) ?? 0L;
        var stored = await context.Invoices.MaxAsync(invoice => invoice.Sequence, cancellationToken) ?? 0L;
        return Math.Max(pending, stored);
    }

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
        var dueBefore = now.AddDays(-1);
        return await context.Invoices
            .Where(invoice => invoice.Status == InvoiceStatus.Open && invoice.DueDate <= dueBefore)
            .OrderBy(invoice => invoice.DueDate).ThenBy(invoice => invoice.Id)
            .Select(invoice => invoice.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<InvoiceListRow>> ListAsync(Specification<Invoice> specification, CancellationToken cancellationToken) =>
        await Rows(specification).ToListAsync(cancellationToken);

    public IAsyncEnumerable<InvoiceListRow> StreamAsync(Specification<Invoice> specification, CancellationToken cancellationToken) =>
        Rows(specification).AsAsyncEnumerable();

    public Task<bool> CustomerHasInvoicesAsync(string customerId, CancellationToken cancellationToken) =>
        context.Invoices.AnyAsync(invoice => invoice.CustomerId == customerId, cancellationToken);

    public Task<IReadOnlyList<AuditEntryDto>> HistoryAsync(string invoiceId, CancellationToken cancellationToken) =>
        context.ReadAuditHistoryAsync(Application.Invoices.InvoiceMapping.AuditEntityType, invoiceId, cancellationToken);

    // Projected: a list never loads lines.
    private IQueryable<InvoiceListRow> Rows(Specification<Invoice> specification) =>
        context.Invoices.AsNoTracking().Apply(specification).Select(invoice => new InvoiceListRow(
            invoice.Id, invoice.Number, invoice.Kind, invoice.Status, invoice.CustomerId, invoice.CustomerName, invoice.Currency,
            invoice.PeriodStart, invoice.PeriodEnd, invoice.CreatedAt, invoice.IssuedAt, invoice.DueDate, invoice.Total));
}
