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

    /// <summary>CUS-3: set when the customer is archived; no period starting at or after it is billed.</summary>
    public DateTimeOffset? EndsAt { get; private set; }

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

    public Period UnbilledPeriod() => Period.Create(UnbilledPeriodStart, UnbilledPeriodEnd);

    /// <summary>INV-2: the unbilled period when it ended at or before the cutoff (the close delay is in the cutoff); otherwise null.</summary>
    public Period? DuePeriod(BillingInterval interval, DateTimeOffset cutoff)
    {
        EnsureCycle(interval);
        return UnbilledPeriodEnd <= cutoff ? UnbilledPeriod() : null;
    }

    /// <summary>Whether the subscription bills the period at all (it has not ended before it).</summary>
    public bool Bills(Period period) => EndsAt is null || period.Start < EndsAt;

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
    }

    /// <summary>CUS-3: archiving the customer stops the cycles after the current one.</summary>
    public void EndAt(DateTimeOffset instant) => EndsAt ??= instant;

    public BillingCycle CycleFor(BillingInterval interval) => BillingCycle.Create(StartDate, AnchorDay, interval);
}
