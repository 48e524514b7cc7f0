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
    public const int MaxNetTermsDays = 365;
    public const int MaxReasonLength = 500;

    private Subscription()
    {
    }

    public string Id { get; private set; } = string.Empty;

    public string CustomerId { get; private set; } = string.Empty;

    public string PlanId { get; private set; } = string.Empty;

    /// <summary>00:00 UTC of the first day billed.</summary>
    public DateTimeOffset StartDate { get; private set; }

    public int AnchorDay { get; private set; }

    public CollectionMethod CollectionMethod { get; private set; }

    public int NetTermsDays { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

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

    public static Subscription Create(
        string customerId, string planId, BillingInterval interval, DateTimeOffset start, int? anchorDay, CollectionMethod collection, int netTermsDays, DateTimeOffset now)
    {
        if (netTermsDays is < 0 or > MaxNetTermsDays)
        {
            throw new BusinessRuleViolation("invalid_net_terms", $"Net terms are 0 to {MaxNetTermsDays} days.");
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
        };
        var first = subscription.CycleFor(interval).FirstPeriod;
        subscription.UnbilledPeriodStart = first.Start;
        subscription.UnbilledPeriodEnd = first.End;
        return subscription;
    }

    /// <summary>A subscription from before invoicing existed has no cycle position yet: its first period is next.</summary>
    private void EnsureCycle(BillingInterval interval)
    {
        if (UnbilledPeriodEnd <= UnbilledPeriodStart)
        {
            var first = CycleFor(interval).FirstPeriod;
            (UnbilledPeriodStart, UnbilledPeriodEnd) = (first.Start, first.End);
        }
    }

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

        var cycle = CycleFor(interval);
        return BilledPart(now < StartDate ? cycle.FirstPeriod : cycle.PeriodContaining(now));
    }

    /// <summary>INV-2: the unbilled period when it ended at or before the cutoff (the close delay is in the cutoff); otherwise null.</summary>
    public Period? DuePeriod(BillingInterval interval, DateTimeOffset cutoff)
    {
        EnsureCycle(interval);
        return UnbilledPeriodEnd <= cutoff ? UnbilledPeriod() : null;
    }

    /// <summary>Whether the subscription bills the period at all (it has not ended before it).</summary>
    public bool Bills(Period period) => EndsAt is null || period.Start < EndsAt;

    /// <summary>The part of a cycle's period the subscription bills: all of it, the part before the end, or none.</summary>
    public Period? BilledPart(Period period) =>
        !Bills(period) ? null : EndsAt is { } end ? period.EndingBy(end) : period;

    /// <summary>The unbilled period has its invoice (or was skipped); the next one is up.</summary>
    public void MarkBilled(Period period, BillingInterval interval)
    {
        if (period.Start != UnbilledPeriodStart)
        {
            throw new InvalidOperationException($"Subscription {Id} bills {UnbilledPeriod()} next, not {period}.");
        }

        var next = CycleFor(interval).After(period);
        UnbilledPeriodStart = next.Start;
        UnbilledPeriodEnd = next.End;
        CutUnbilledPeriodAtEnd();
    }

    /// <summary>
    /// PLN-5: end the subscription now (the period running is cut at this second and invoiced when
    /// the close delay has passed, its recurring fee prorated) or at the end of the current period
    /// (invoiced as usual, and no later one). The end may move earlier, never later; a subscription
    /// that has ended cannot be canceled again. Before the start, either way, nothing is ever billed.
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
            : CycleFor(interval).PeriodContaining(now).End;
        if (EndsAt is { } scheduled && scheduled <= end)
        {
            throw new BusinessRuleViolation("subscription_canceled", $"Subscription {Id} already ends at {scheduled:O}, which is not later than {end:O}.");
        }

        EndsAt = end;
        CanceledAt = now;
        CancellationReason = reason;
        CutUnbilledPeriodAtEnd();
    }

    /// <summary>The period to invoice next ends where the subscription does, when that is inside it.</summary>
    private void CutUnbilledPeriodAtEnd()
    {
        if (EndsAt is { } end && UnbilledPeriodStart < end && end < UnbilledPeriodEnd)
        {
            UnbilledPeriodEnd = end;
        }
    }

    /// <summary>Proration is by the second (as Stripe's), so an end is a whole second.</summary>
    private static DateTimeOffset WholeSecond(DateTimeOffset instant) =>
        new(instant.UtcTicks - instant.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);

    public BillingCycle CycleFor(BillingInterval interval) => BillingCycle.Create(StartDate, AnchorDay, interval);
}
