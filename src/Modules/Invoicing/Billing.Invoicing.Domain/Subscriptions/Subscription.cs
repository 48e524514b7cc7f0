using Billing.BuildingBlocks.Domain;
using Billing.BuildingBlocks.Domain.Time;
using Billing.Invoicing.Domain.Periods;

namespace Billing.Invoicing.Domain.Subscriptions;

/// <summary>
/// PLN-4: a customer on a plan from a start day, billed on an anchor day. The customer is referred
/// to by id only (it lives in the Customers module).
/// </summary>
internal sealed class Subscription : AggregateRoot
{
    public const string IdPrefix = "sub";

    private readonly List<PlanPhase> _phases = [];
    public const int MaxNetTermsDays = 365;
    public const int MaxReasonLength = 500;
    public const int MaxTrialDays = 730;

    private Subscription()
    {
    }

    public string Id { get; private set; } = string.Empty;

    public string CustomerId { get; private set; } = string.Empty;

    /// <summary>The plan the subscription is on from its latest phase on (PLN-6; a pending change included).</summary>
    public string PlanId { get; private set; } = string.Empty;

    /// <summary>PLN-6: the plans it has been on and when each started; empty when it never changed plan.</summary>
    public IReadOnlyList<PlanPhase> Phases => _phases;

    /// <summary>00:00 UTC of the first day billed.</summary>
    public DateTimeOffset StartDate { get; private set; }

    public int AnchorDay { get; private set; }

    public CollectionMethod CollectionMethod { get; private set; }

    public int NetTermsDays { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>PLN-4: 00:00 UTC of the first day after the trial; nothing before it is charged.</summary>
    public DateTimeOffset? TrialEndsAt { get; private set; }

    /// <summary>The first instant billed: the end of the trial, or the start.</summary>
    public DateTimeOffset BillingStartsAt => TrialEndsAt ?? StartDate;

    /// <summary>
    /// INV-2: the first period not yet invoiced. The scheduler invoices it once it has ended and the
    /// close delay has passed, then moves on to the next.
    /// </summary>
    public DateTimeOffset UnbilledPeriodStart { get; private set; }

    public DateTimeOffset UnbilledPeriodEnd { get; private set; }

    /// <summary>
    /// PLN-5: set by a cancellation (or the customer's archive, CUS-3). Nothing at or after it is
    /// billed; a period it falls inside ends there.
    /// </summary>
    public DateTimeOffset? EndsAt { get; private set; }

    /// <summary>When the cancellation was asked for.</summary>
    public DateTimeOffset? CanceledAt { get; private set; }

    public string? CancellationReason { get; private set; }

    /// <param name="trialDays">PLN-4: whole days from the start during which nothing is charged.</param>
    public static Subscription Create(
        string customerId, string planId, BillingInterval interval, DateTimeOffset start, int? anchorDay, CollectionMethod collection, int netTermsDays, DateTimeOffset now,
        int trialDays = 0)
    {
        if (netTermsDays is < 0 or > MaxNetTermsDays)
        {
            throw new BusinessRuleViolation("invalid_net_terms", $"Net terms are 0 to {MaxNetTermsDays} days.");
        }

        if (trialDays is < 0 or > MaxTrialDays)
        {
            throw new BusinessRuleViolation("invalid_trial", $"A trial is 0 to {MaxTrialDays} days.");
        }

        var startDate = start.StartOfUtcDay();
        var subscription = new Subscription
        {
            Id = OpaqueId.New(IdPrefix, now),
            CustomerId = customerId,
            PlanId = planId,
            StartDate = startDate,
            AnchorDay = anchorDay ?? startDate.Day,
            CollectionMethod = collection,
            NetTermsDays = netTermsDays,
            CreatedAt = now,
            TrialEndsAt = trialDays > 0 ? startDate.AddDays(trialDays) : null,
        };
        subscription.MoveToFirstBilledPeriod(interval);
        return subscription;
    }

    /// <summary>A subscription from before invoicing existed has no cycle position yet: its first period is next.</summary>
    private void EnsureCycle(BillingInterval interval)
    {
        if (UnbilledPeriodEnd <= UnbilledPeriodStart)
        {
            MoveToFirstBilledPeriod(interval);
        }
    }

    /// <summary>The period containing the first instant billed, from that instant (a trial may end inside it).</summary>
    private void MoveToFirstBilledPeriod(BillingInterval interval) => MoveTo(FirstBilledCyclePeriod(interval));

    private Period FirstBilledCyclePeriod(BillingInterval interval) => CycleFor(interval).PeriodContaining(BillingStartsAt);

    /// <summary>Next to bill: the billed part of a cycle period (the whole period when none of it is billed; it is then never due).</summary>
    private void MoveTo(Period cyclePeriod)
    {
        var next = BilledPart(cyclePeriod) ?? cyclePeriod;
        (UnbilledPeriodStart, UnbilledPeriodEnd) = (next.Start, next.End);
    }

    /// <summary>Whether the period is the first one billed: its invoice carries the setup fee (PLN-1).</summary>
    public bool IsFirstBilled(Period period) => period.Start == BillingStartsAt;

    public Period UnbilledPeriod() => Period.Cut(UnbilledPeriodStart, UnbilledPeriodEnd);

    /// <summary>Whether the subscription has ended at the instant (it bills nothing from then on).</summary>
    public bool HasEnded(DateTimeOffset instant) => EndsAt <= instant;

    /// <summary>
    /// INV-12: the invoice to come as of the instant: the period containing it, cut at the end if the
    /// subscription ends inside it; once ended, its last period while that is still to invoice.
    /// </summary>
    public Period? UpcomingPeriod(BillingInterval interval, DateTimeOffset now)
    {
        EnsureCycle(interval);
        if (EndsAt is { } end && now >= end)
        {
            return UnbilledPeriodStart < end ? UnbilledPeriod() : null;
        }

        return BilledPart(now < BillingStartsAt ? FirstBilledCyclePeriod(interval) : CycleFor(interval).PeriodContaining(now));
    }

    /// <summary>INV-2: the unbilled period when it ended at or before the cutoff (the close delay is in the cutoff); otherwise null.</summary>
    public Period? DuePeriod(BillingInterval interval, DateTimeOffset cutoff)
    {
        EnsureCycle(interval);
        return UnbilledPeriodEnd <= cutoff ? UnbilledPeriod() : null;
    }

    /// <summary>Whether the subscription bills the period at all (it has not ended before it).</summary>
    public bool Bills(Period period) => EndsAt is null || period.Start < EndsAt;

    /// <summary>
    /// The part of a cycle's period the subscription bills: all of it, the part after the trial or
    /// before the end, or none (all of it in the trial or after the end).
    /// </summary>
    public Period? BilledPart(Period period)
    {
        var start = period.Start < BillingStartsAt ? BillingStartsAt : period.Start;
        var end = EndsAt is { } ends && ends < period.End ? ends : period.End;
        return start >= end ? null
            : start == period.Start && end == period.End ? period
            : Period.Cut(start, end);
    }

    /// <summary>The unbilled period has its invoice (or was skipped); the next one is up.</summary>
    public void MarkBilled(Period period, BillingInterval interval)
    {
        if (period.Start != UnbilledPeriodStart)
        {
            throw new InvalidOperationException($"Subscription {Id} bills {UnbilledPeriod()} next, not {period}.");
        }

        MoveTo(CycleFor(interval).After(period));
    }

    /// <summary>
    /// PLN-5: end the subscription now (the period running is cut at this second and invoiced when
    /// the close delay has passed, its recurring fee prorated) or at the end of the current period
    /// (invoiced as usual, and no later one; in a trial, at the trial's end). The end may move earlier,
    /// never later; a subscription that has ended cannot be canceled again. Before the start, either
    /// way, nothing is ever billed.
    /// </summary>
    public void Cancel(CancellationTiming timing, BillingInterval interval, DateTimeOffset now, string? reason)
    {
        if (EndsAt is { } ended && ended <= now)
        {
            throw new BusinessRuleViolation("subscription_ended", $"Subscription {Id} ended at {ended:O}; there is nothing left to cancel.");
        }

        EnsureCycle(interval);
        var end = now < StartDate ? StartDate
            : timing == CancellationTiming.Now ? WholeSecond(now)
            : now < BillingStartsAt ? BillingStartsAt // in a trial, the trial is the current period
            : CycleFor(interval).PeriodContaining(now).End;
        if (EndsAt is { } scheduled && scheduled <= end)
        {
            throw new BusinessRuleViolation("subscription_canceled", $"Subscription {Id} already ends at {scheduled:O}, which is not later than {end:O}.");
        }

        EndsAt = end;
        CanceledAt = now;
        CancellationReason = reason;

        // The period to invoice next ends where the subscription does, when that is inside it.
        if (UnbilledPeriodStart < end && end < UnbilledPeriodEnd)
        {
            UnbilledPeriodEnd = end;
        }
    }

    /// <summary>PLN-6: the plan in force at an instant.</summary>
    public string PlanAt(DateTimeOffset instant) =>
        _phases.Count == 0 ? PlanId
            : (_phases.Where(phase => phase.StartsAt <= instant).MaxBy(phase => (phase.StartsAt, phase.Number)) ?? _phases.MinBy(phase => phase.Number)!).PlanId;

    /// <summary>
    /// PLN-6: move to another plan (same currency and interval, checked by the caller) now, splitting
    /// the current period at this second, or at the end of the current period. A later change replaces
    /// a pending one. Before anything is billed (before the start or in a trial) the new plan simply
    /// replaces the old from the start. An ending subscription keeps its plan.
    /// </summary>
    public void ChangePlan(string planId, PlanChangeTiming timing, bool prorate, BillingInterval interval, DateTimeOffset now)
    {
        if (EndsAt is { } ends)
        {
            throw new BusinessRuleViolation(ends <= now ? "subscription_ended" : "subscription_canceled",
                $"Subscription {Id} ends at {ends:O}; the plan of a canceled subscription does not change.");
        }

        if (now < BillingStartsAt)
        {
            if (PlanId == planId && _phases.Count == 0)
            {
                throw new BusinessRuleViolation("same_plan", $"Subscription {Id} is already on this plan.");
            }

            _phases.Clear();
            PlanId = planId;
            return;
        }

        var at = timing == PlanChangeTiming.Now ? WholeSecond(now) : CycleFor(interval).PeriodContaining(now).End;
        var before = _phases.Count == 0 ? PlanId
            : (_phases.Where(phase => phase.StartsAt < at).MaxBy(phase => (phase.StartsAt, phase.Number)) ?? _phases.MinBy(phase => phase.Number)!).PlanId;
        var pending = _phases.Any(phase => phase.StartsAt >= at && phase.Number > 1);
        if (before == planId && !pending)
        {
            throw new BusinessRuleViolation("same_plan", $"Subscription {Id} is already on this plan at {at:O}.");
        }

        if (_phases.Count == 0)
        {
            _phases.Add(new PlanPhase(1, PlanId, StartDate, prorate: true, now));
        }

        // A later change replaces one still pending; going back to the plan in force just cancels it.
        var number = _phases.Max(phase => phase.Number) + 1;
        _phases.RemoveAll(phase => phase.StartsAt >= at && phase.Number > 1);
        if (before != planId)
        {
            _phases.Add(new PlanPhase(number, planId, at, prorate, now));
        }

        PlanId = planId;
    }

    /// <summary>
    /// PLN-6: the parts of a billed period by plan, in order, each with the time its fixed fees cover.
    /// A period without a change inside it is one part whose fees cover all of it.
    /// </summary>
    public IReadOnlyList<PlanPart> PartsOf(Period billed)
    {
        if (_phases.Count == 0)
        {
            return [new PlanPart(PlanId, billed, billed)];
        }

        var changes = _phases
            .Where(phase => phase.StartsAt > billed.Start && phase.StartsAt < billed.End)
            .GroupBy(phase => phase.StartsAt)
            .Select(same => same.MaxBy(phase => phase.Number)!)
            .OrderBy(phase => phase.StartsAt)
            .ToList();
        if (changes.Count == 0)
        {
            return [new PlanPart(PlanAt(billed.Start), billed, billed)];
        }

        var bounds = changes.Select(change => change.StartsAt).Prepend(billed.Start).Append(billed.End).ToList();
        var plans = changes.Select(change => change.PlanId).Prepend(PlanAt(billed.Start)).ToList();
        var startsFees = changes.Select(change => change.Prorate).Prepend(true).ToList();
        var parts = new List<PlanPart>(plans.Count);
        for (var index = 0; index < plans.Count; index++)
        {
            var feeEnd = index + 1;
            while (feeEnd < plans.Count && !startsFees[feeEnd])
            {
                feeEnd++;
            }

            var feeSpan = startsFees[index] ? Period.Cut(bounds[index], bounds[feeEnd]) : null;
            parts.Add(new PlanPart(plans[index], Period.Cut(bounds[index], bounds[index + 1]), feeSpan));
        }

        return parts;
    }

    /// <summary>Proration is by the second (as Stripe's), so an end is a whole second.</summary>
    private static DateTimeOffset WholeSecond(DateTimeOffset instant) =>
        new(instant.UtcTicks - instant.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);

    public BillingCycle CycleFor(BillingInterval interval) => BillingCycle.Create(StartDate, AnchorDay, interval);
}
