using Billing.BuildingBlocks.Domain;
using Billing.Invoicing.Domain.Periods;

namespace Billing.Invoicing.Domain.Settings;

/// <summary>
/// One environment's invoicing settings (INV-2..INV-5): close delay, grace policy, default net terms
/// and the late-usage window. Absent until an admin saves them; the configured defaults apply until then.
/// </summary>
internal sealed class InvoicingSettings : AggregateRoot
{
    public static readonly TimeSpan MaxCloseDelay = TimeSpan.FromDays(7);
    public static readonly TimeSpan MinLateUsageWindow = TimeSpan.FromHours(1);
    public static readonly TimeSpan MaxLateUsageWindow = TimeSpan.FromDays(366);

    private InvoicingSettings()
    {
    }

    /// <summary>The environment's wire name: one row per environment.</summary>
    public string Id { get; private set; } = string.Empty;

    public TimeSpan CloseDelay { get; private set; }

    public GracePeriodPolicy Grace { get; private set; } = new(TimeSpan.FromHours(1), []);

    public int DefaultNetTermsDays { get; private set; }

    public TimeSpan LateUsageWindow { get; private set; }

    /// <summary>
    /// INV-5: the longest late-usage window ever in force. Metering accepted events as old as that,
    /// so invoices look back that far for late usage, however short the window is now: shortening
    /// it refuses older events from then on but never drops one already accepted.
    /// </summary>
    public TimeSpan LateUsageLookBack { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static InvoicingSettings Defaults(BillingEnvironment environment, TimeSpan closeDelay, TimeSpan defaultGrace, TimeSpan lateUsageWindow) => new()
    {
        Id = environment.ToWireName(),
        CloseDelay = closeDelay,
        Grace = new GracePeriodPolicy(defaultGrace, []),
        DefaultNetTermsDays = 30,
        LateUsageWindow = lateUsageWindow,
        LateUsageLookBack = lateUsageWindow,
    };

    /// <summary>Replaces every setting at once, refusing the whole change if one value breaks a bound.</summary>
    public void Change(TimeSpan closeDelay, GracePeriodPolicy grace, int netTermsDays, TimeSpan lateUsageWindow, TimeSpan? shortestIntervalInUse, DateTimeOffset now)
    {
        if (closeDelay < TimeSpan.Zero || closeDelay > MaxCloseDelay)
        {
            throw new BusinessRuleViolation("invalid_close_delay", "The close delay is between 0 and 7 days.");
        }

        if (lateUsageWindow < MinLateUsageWindow || lateUsageWindow > MaxLateUsageWindow)
        {
            throw new BusinessRuleViolation("invalid_late_usage_window", "The late-usage window is between 1 hour and 366 days.");
        }

        if (netTermsDays is < 0 or > Subscriptions.Subscription.MaxNetTermsDays)
        {
            throw new BusinessRuleViolation("invalid_net_terms", $"Net terms are 0 to {Subscriptions.Subscription.MaxNetTermsDays} days.");
        }

        grace.EnsureFits(shortestIntervalInUse);
        CloseDelay = closeDelay;
        Grace = grace;
        DefaultNetTermsDays = netTermsDays;
        LateUsageWindow = lateUsageWindow;
        LateUsageLookBack = lateUsageWindow > LateUsageLookBack ? lateUsageWindow : LateUsageLookBack;
        UpdatedAt = now;
    }

    /// <summary>INV-3: a plan of this interval would leave no room for the current grace period.</summary>
    public void EnsureIntervalFits(BillingInterval interval) => Grace.EnsureFits(BillingIntervals.ShortestLength(interval));
}
