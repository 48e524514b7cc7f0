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
/// <para>
/// A batch is composed set-wise: one query for when each subscription last issued, one for the
/// earlier bills of all of them, and one usage query per meter and distinct range for all their
/// customers together. A single invoice is a batch of one.
/// </para>
/// </remarks>
internal sealed class InvoiceComposer(IMediator mediator, IInvoiceRepository invoices)
{
    public async Task<ComposedInvoice> ComposeAsync(ComposeRequest request, CancellationToken cancellationToken) =>
        (await ComposeManyAsync([request], cancellationToken))[0];

    public async Task<IReadOnlyList<ComposedInvoice>> ComposeManyAsync(IReadOnlyList<ComposeRequest> requests, CancellationToken cancellationToken)
    {
        if (requests.Count == 0)
        {
            return [];
        }

        var earlier = await EarlierBillsAsync(requests, cancellationToken);
        var latePeriods = requests
            .Select((request, index) => earlier[index].PeriodsToRecheck(request.Subscription, request.Plan.Interval, request.Period).ToList())
            .ToList();
        var ranges = requests.SelectMany((request, index) => latePeriods[index]
            .Select(period => new UsageRange(request.Subscription.CustomerId, period.Start, period.End))
            .Prepend(new UsageRange(request.Subscription.CustomerId, request.Period.Start, request.UsageEnd)));
        var usage = await UsageAsync(ranges, cancellationToken);
        return requests.Select((request, index) => Rate(request, earlier[index], latePeriods[index], usage)).ToList();
    }

    private static ComposedInvoice Rate(
        ComposeRequest request, EarlierBills earlier, IReadOnlyList<Period> latePeriods, IReadOnlyDictionary<UsageRange, IReadOnlyDictionary<string, decimal>> usage)
    {
        var (subscription, plan, period) = (request.Subscription, request.Plan, request.Period);
        var version = plan.VersionAt(period.Start);
        var whole = subscription.CycleFor(plan.Interval).PeriodContaining(period.Start);
        var own = Rater.Rate(
            plan.TermsOf(version), period, firstPeriod: subscription.IsFirstBilled(period),
            usage[new UsageRange(subscription.CustomerId, period.Start, request.UsageEnd)], taxRatePercent: 0m, earlier.BilledFor(period.Start),
            Proration.Of(period, whole));
        var lines = own.Lines.Select(line => new ServiceLine(line, period.Start, period.End)).ToList();

        foreach (var latePeriod in latePeriods)
        {
            var lateUsage = usage[new UsageRange(subscription.CustomerId, latePeriod.Start, latePeriod.End)];
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
                    $"Late usage: {charge.MeterCode}, period {Period.Text(latePeriod.Start)} to {Period.Text(latePeriod.End)}");
                lines.Add(new ServiceLine(line, latePeriod.Start, latePeriod.End));
            }
        }

        return new ComposedInvoice(version.Number, lines);
    }

    private async Task<IReadOnlyList<EarlierBills>> EarlierBillsAsync(IReadOnlyList<ComposeRequest> requests, CancellationToken cancellationToken)
    {
        var periods = requests.Select(request => new SubscriptionPeriod(request.Subscription.Id, request.Period.Start)).ToList();
        var lastIssued = await invoices.LastIssuedBeforeAsync(periods, cancellationToken);
        var recheckAfter = requests
            .Select((request, index) => lastIssued.TryGetValue(periods[index], out var issued) ? issued - request.LateUsageLookBack : (DateTimeOffset?)null)
            .ToList();

        // The period's own earlier bills (late lines elsewhere, a voided original) count as well.
        var from = requests
            .Select((request, index) => recheckAfter[index] is { } after && after < request.Period.Start ? after : request.Period.Start)
            .ToList();
        var subscriptionIds = requests.Select(request => request.Subscription.Id).Distinct().ToList();
        var live = (await invoices.ListLiveAsync(subscriptionIds, from.Min(), ExcludedByAll(requests), cancellationToken)).ToLookup(invoice => invoice.SubscriptionId);
        return requests
            .Select((request, index) => new EarlierBills(
                live[request.Subscription.Id].Where(invoice => invoice.PeriodEnd > from[index] && !request.Excluded.Contains(invoice.Id)).ToList(),
                recheckAfter[index]))
            .ToList();
    }

    /// <summary>
    /// The invoices no request of their subscription counts as an earlier bill (the drafts a batch
    /// finalizes): left out of the read rather than loaded with their lines and dropped.
    /// </summary>
    private static List<string> ExcludedByAll(IReadOnlyList<ComposeRequest> requests) =>
        requests
            .GroupBy(request => request.Subscription.Id)
            .SelectMany(subscription => subscription.Select(request => request.Excluded.AsEnumerable()).Aggregate((all, next) => all.Intersect(next)))
            .ToList();

    /// <summary>The usage of every range, per meter: one summary query per distinct range for all of its customers.</summary>
    private async Task<IReadOnlyDictionary<UsageRange, IReadOnlyDictionary<string, decimal>>> UsageAsync(
        IEnumerable<UsageRange> ranges, CancellationToken cancellationToken)
    {
        var usage = new Dictionary<UsageRange, IReadOnlyDictionary<string, decimal>>();
        foreach (var range in ranges.Distinct().GroupBy(range => (range.From, range.To)))
        {
            var (from, to) = range.Key;
            if (to <= from)
            {
                foreach (var empty in range)
                {
                    usage[empty] = new Dictionary<string, decimal>();
                }

                continue;
            }

            var summaries = await mediator.Send(new GetUsageSummariesQuery(range.Select(one => one.CustomerId).ToList(), from, to), cancellationToken);
            foreach (var one in range)
            {
                usage[one] = summaries[one.CustomerId].Meters.ToDictionary(meter => meter.MeterCode, meter => meter.Quantity);
            }
        }

        return usage;
    }

    private readonly record struct UsageRange(string CustomerId, DateTimeOffset From, DateTimeOffset To);
}

/// <summary>What to rate: a subscription's period, usage up to <see cref="UsageEnd"/>.</summary>
/// <param name="Excluded">The invoice being recomputed, or the one being voided by a regeneration: not earlier bills.</param>
internal sealed record ComposeRequest(
    Subscription Subscription, Plan Plan, Period Period, DateTimeOffset UsageEnd, TimeSpan LateUsageLookBack, IReadOnlySet<string> Excluded);

/// <summary>The rated lines and the plan version they came from (PLN-3).</summary>
internal sealed record ComposedInvoice(int PlanVersion, IReadOnlyList<ServiceLine> Lines);
