using Billing.BuildingBlocks.Domain.Time;
using Billing.Invoicing.Application.Plans;
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
internal sealed class InvoiceComposer(IMediator mediator, IInvoiceRepository invoices, IPlanRepository plans)
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
            .Select((request, index) => earlier[index].PeriodsToRecheck(request.Subscription, request.Plan.Interval, request.Period)
                .Select(period => new LatePeriod(period, request.Subscription.PartsOf(period))).ToList())
            .ToList();
        var ownParts = requests.Select(request => request.Subscription.PartsOf(request.Period)).ToList();
        var plansById = await PlansAsync(requests, ownParts.SelectMany(parts => parts).Concat(latePeriods.SelectMany(late => late.SelectMany(period => period.Parts))), cancellationToken);
        var ranges = requests.SelectMany((request, index) => latePeriods[index]
            .SelectMany(late => late.Parts.Select(part => new UsageRange(request.Subscription.CustomerId, part.Part.Start, part.Part.End)))
            .Concat(ownParts[index].Select(part => new UsageRange(request.Subscription.CustomerId, part.Part.Start, UsageEndOf(part, request)))));
        var usage = await UsageAsync(ranges, cancellationToken);
        return requests.Select((request, index) => Rate(request, ownParts[index], earlier[index], latePeriods[index], usage, plansById)).ToList();
    }

    /// <summary>
    /// Each part of the period is rated by its own plan (PLN-6): its usage alone, with that plan's
    /// free units and tiers, and its fixed fees for the time they cover, prorated against the cycle's
    /// whole period (a period cut by a trial or a cancellation is one part, PLN-4, PLN-5).
    /// </summary>
    private static ComposedInvoice Rate(
        ComposeRequest request, IReadOnlyList<PlanPart> parts, EarlierBills earlier, IReadOnlyList<LatePeriod> latePeriods,
        IReadOnlyDictionary<UsageRange, IReadOnlyDictionary<string, decimal>> usage, IReadOnlyDictionary<string, Plan> plans)
    {
        var (subscription, period) = (request.Subscription, request.Period);
        var whole = subscription.CycleFor(request.Plan.Interval).PeriodContaining(period.Start);
        var lines = new List<ServiceLine>();
        for (var index = 0; index < parts.Count; index++)
        {
            var part = parts[index];
            var plan = plans[part.PlanId];
            var version = plan.VersionAt(part.Part.Start);
            var own = Rater.Rate(
                plan.TermsOf(version), part.FeeSpan ?? part.Part, firstPeriod: index == 0 && subscription.IsFirstBilled(period),
                usage[new UsageRange(subscription.CustomerId, part.Part.Start, UsageEndOf(part, request))], taxRatePercent: 0m, earlier.BilledFor(part.Part.Start),
                part.FeeSpan is { } fees ? Proration.Of(fees, whole) : Proration.NoFees(whole));
            lines.AddRange(own.Lines.Select(line => new ServiceLine(Named(line, plan, parts), part.Part.Start, part.Part.End)));
        }

        foreach (var late in latePeriods)
        {
            foreach (var part in late.Parts)
            {
                var partPlan = plans[part.PlanId];
                var lateUsage = usage[new UsageRange(subscription.CustomerId, part.Part.Start, part.Part.End)];
                var billed = earlier.BilledFor(part.Part.Start);
                var terms = partPlan.TermsOf(partPlan.VersionAt(part.Part.Start));
                foreach (var charge in terms.Charges)
                {
                    var quantity = lateUsage.GetValueOrDefault(charge.MeterCode);
                    var already = billed.GetValueOrDefault(charge.MeterCode);
                    if (quantity == already)
                    {
                        continue;
                    }

                    var line = Rater.RateUsageSince(charge, quantity, already, terms.Currency, LineKind.LateUsage,
                        $"Late usage: {charge.MeterCode}, period {Period.Text(part.Part.Start)} to {Period.Text(part.Part.End)}");
                    lines.Add(new ServiceLine(Named(line, partPlan, late.Parts), part.Part.Start, part.Part.End));
                }
            }
        }

        // The invoice records the plan and version its period ended on.
        var last = plans[parts[^1].PlanId];
        return new ComposedInvoice(last.VersionAt(parts[^1].Part.Start).Number, lines, last.Id, last.Code);
    }

    /// <summary>In a period on several plans, each line says which plan rated it.</summary>
    private static RatedLine Named(RatedLine line, Plan plan, IReadOnlyList<PlanPart> parts) =>
        parts.Count == 1 ? line : line with { Description = $"{line.Description} (plan {plan.Code})" };

    /// <summary>A part's usage ends with it, or earlier for an invoice of the period so far (INV-9).</summary>
    private static DateTimeOffset UsageEndOf(PlanPart part, ComposeRequest request) =>
        request.UsageEnd < part.Part.End ? request.UsageEnd : part.Part.End;

    /// <summary>The plans the parts are on: the requests' own, and any other a plan change brought in, read once each.</summary>
    private async Task<IReadOnlyDictionary<string, Plan>> PlansAsync(IReadOnlyList<ComposeRequest> requests, IEnumerable<PlanPart> parts, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, Plan>();
        foreach (var request in requests)
        {
            found[request.Plan.Id] = request.Plan;
        }

        foreach (var planId in parts.Select(part => part.PlanId).Distinct().Where(planId => !found.ContainsKey(planId)).ToList())
        {
            found[planId] = await plans.ReadByIdAsync(planId, cancellationToken)
                ?? throw new InvalidOperationException($"A subscription was on plan {planId}, which does not exist.");
        }

        return found;
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

    /// <summary>An earlier period to look at again for late usage, by the plans it was on.</summary>
    private sealed record LatePeriod(Period Period, IReadOnlyList<PlanPart> Parts);
}

/// <summary>What to rate: a subscription's period, usage up to <see cref="UsageEnd"/>.</summary>
/// <param name="Excluded">The invoice being recomputed, or the one being voided by a regeneration: not earlier bills.</param>
internal sealed record ComposeRequest(
    Subscription Subscription, Plan Plan, Period Period, DateTimeOffset UsageEnd, TimeSpan LateUsageLookBack, IReadOnlySet<string> Excluded);

/// <summary>The rated lines, and the plan and version the period ended on (PLN-3, PLN-6).</summary>
internal sealed record ComposedInvoice(int PlanVersion, IReadOnlyList<ServiceLine> Lines, string PlanId, string PlanCode);
