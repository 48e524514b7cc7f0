using Billing.BuildingBlocks.Domain.Time;
using Billing.Invoicing.Domain.Invoices;
using Billing.Invoicing.Domain.Plans;
using Billing.Invoicing.Domain.Rating;
using Billing.Invoicing.Domain.Subscriptions;
using Billing.Metering.Contracts;
using MediatR;

namespace Billing.Invoicing.Application.Invoices.Composing;

/// <summary>
/// Rates an invoice's computed lines: the period's fixed fees and usage (INV-6), and the late usage
/// of earlier periods (INV-5). The same code serves the preview (INV-12), a new draft, the
/// recomputation at finalization (INV-3) and a regeneration (INV-10).
/// </summary>
/// <remarks>
/// Late usage: every earlier period whose usage may have grown since the last invoice was issued is
/// looked at again. An event accepted after that invoice's issue instant <c>t</c> has a timestamp after
/// <c>t − late-usage window</c> (MET-5), so only periods ending after that can have changed. For each,
/// the period's usage now is compared with what live invoices billed for it; the difference is rated
/// at the period's own prices, tiers applied to the period's total. Nothing finalized is touched, and
/// nothing is billed twice because the comparison counts every earlier bill.
/// </remarks>
internal sealed class InvoiceComposer(IMediator mediator, IInvoiceRepository invoices)
{
    public async Task<ComposedInvoice> ComposeAsync(ComposeRequest request, CancellationToken cancellationToken)
    {
        var (subscription, plan, period) = (request.Subscription, request.Plan, request.Period);
        var version = plan.VersionAt(period.Start);
        var earlier = await EarlierBillsAsync(request, cancellationToken);

        var usage = await UsageAsync(subscription.CustomerId, period.Start, request.UsageEnd, cancellationToken);
        var own = Rater.Rate(
            plan.TermsOf(version), period, firstPeriod: period.Start == subscription.StartDate, usage, taxRatePercent: 0m,
            earlier.BilledFor(period.Start));
        var lines = own.Lines.Select(line => new ServiceLine(line, period.Start, period.End)).ToList();

        foreach (var latePeriod in earlier.PeriodsToRecheck(subscription.CycleFor(plan.Interval), period))
        {
            var lateUsage = await UsageAsync(subscription.CustomerId, latePeriod.Start, latePeriod.End, cancellationToken);
            var billed = earlier.BilledFor(latePeriod.Start);
            var terms = plan.TermsOf(plan.VersionAt(latePeriod.Start));
            foreach (var charge in terms.Charges)
            {
                var quantity = lateUsage.GetValueOrDefault(charge.MeterCode);
                var already = billed.GetValueOrDefault(charge.MeterCode);
                if (quantity == already)
                {
                    continue;
                }

                var line = Rater.RateUsageSince(charge, quantity, already, terms.Currency, LineKind.LateUsage,
                    $"Late usage: {charge.MeterCode}, period {latePeriod.Start:yyyy-MM-dd} to {latePeriod.End:yyyy-MM-dd}");
                lines.Add(new ServiceLine(line, latePeriod.Start, latePeriod.End));
            }
        }

        return new ComposedInvoice(version.Number, lines);
    }

    private async Task<EarlierBills> EarlierBillsAsync(ComposeRequest request, CancellationToken cancellationToken)
    {
        var subscriptionId = request.Subscription.Id;
        var lastIssued = await invoices.LastIssuedBeforeAsync(subscriptionId, request.Period.Start, cancellationToken);
        var recheckAfter = lastIssued is { } issued ? issued - request.LateUsageWindow : (DateTimeOffset?)null;

        // The period's own earlier bills (late lines elsewhere, a voided original) count as well.
        var from = recheckAfter is { } after && after < request.Period.Start ? after : request.Period.Start;
        var live = await invoices.ListLiveAsync(subscriptionId, from, cancellationToken);
        return new EarlierBills(live.Where(invoice => !request.Excluded.Contains(invoice.Id)).ToList(), recheckAfter);
    }

    private async Task<Dictionary<string, decimal>> UsageAsync(string customerId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        if (to <= from)
        {
            return [];
        }

        var summary = await mediator.Send(new GetUsageSummaryQuery(customerId, null, from, to, CustomerKnown: true), cancellationToken);
        return summary.Meters.ToDictionary(meter => meter.MeterCode, meter => meter.Quantity);
    }
}

/// <summary>What to rate: a subscription's period, usage up to <see cref="UsageEnd"/>.</summary>
/// <param name="Excluded">The invoice being recomputed, or the one being voided by a regeneration: not earlier bills.</param>
internal sealed record ComposeRequest(
    Subscription Subscription, Plan Plan, Period Period, DateTimeOffset UsageEnd, TimeSpan LateUsageWindow, IReadOnlySet<string> Excluded);

/// <summary>The rated lines and the plan version they came from (PLN-3).</summary>
internal sealed record ComposedInvoice(int PlanVersion, IReadOnlyList<ServiceLine> Lines);
