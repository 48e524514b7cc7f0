using Billing.BuildingBlocks.Domain.Time;
using Billing.Invoicing.Domain.Invoices;
using Billing.Invoicing.Domain.Periods;
using Billing.Invoicing.Domain.Subscriptions;

namespace Billing.Invoicing.Application.Invoices.Composing;

/// <summary>
/// The usage quantities live invoices have billed, per period and meter: the ledger late usage and
/// regenerated invoices are measured against (INV-5, INV-10).
/// </summary>
internal sealed class EarlierBills(IReadOnlyList<Invoice> liveInvoices, DateTimeOffset? recheckAfter)
{
    private readonly Dictionary<DateTimeOffset, Dictionary<string, decimal>> _billed = liveInvoices
        .SelectMany(invoice => invoice.Lines.Where(line => line.BillsUsage))
        .GroupBy(line => line.ServiceStart)
        .ToDictionary(
            period => period.Key,
            period => period.GroupBy(line => line.Code).ToDictionary(meter => meter.Key, meter => meter.Sum(line => line.Quantity)));

    private readonly HashSet<DateTimeOffset> _issuedPeriods = liveInvoices
        .Where(invoice => invoice.Status != InvoiceStatus.Draft)
        .Select(invoice => invoice.PeriodStart)
        .ToHashSet();

    public IReadOnlyDictionary<string, decimal> BilledFor(DateTimeOffset periodStart) =>
        _billed.TryGetValue(periodStart, out var meters) ? meters : new Dictionary<string, decimal>();

    /// <summary>
    /// Earlier periods whose usage may have changed since they were billed: they end after the
    /// recheck instant, and their own invoice is live and finalized (a voided period is not billed again).
    /// Each is the part of its cycle period the subscription billed (after a trial, PLN-4).
    /// </summary>
    public IEnumerable<Period> PeriodsToRecheck(Subscription subscription, BillingInterval interval, Period current)
    {
        if (recheckAfter is not { } after)
        {
            yield break;
        }

        var cycle = subscription.CycleFor(interval);
        var periods = new List<Period>();
        for (var period = cycle.PeriodContaining(current.Start); period.Start > cycle.Start;)
        {
            period = cycle.PeriodContaining(period.Start.AddTicks(-1));
            if (period.End <= after)
            {
                break;
            }

            if (subscription.BilledPart(period) is { } billed)
            {
                periods.Add(billed);
            }
        }

        foreach (var period in Enumerable.Reverse(periods).Where(period => _issuedPeriods.Contains(period.Start)))
        {
            yield return period;
        }
    }
}
