using Billing.BuildingBlocks.Domain;
using Billing.BuildingBlocks.Domain.Time;

namespace Billing.Invoicing.Domain.Periods;

/// <summary>
/// INV-1, PLN-4: the periods of a subscription. The first period starts on the subscription's start
/// day (00:00 UTC) and ends at the first boundary after it; every later period runs from one
/// boundary to the next. Boundaries, all at 00:00 UTC:
/// <list type="bullet">
/// <item>monthly: the anchor day of every month, or the month's last day when it has no such day —
/// and the next month returns to the anchor (31 Jan → 29 Feb 2028 → 31 Mar);</item>
/// <item>yearly: the anchor day of the start month, every year (29 Feb → 28 Feb in common years);</item>
/// <item>weekly and daily: every 7 days, every day, from the start (the anchor day is not used).</item>
/// </list>
/// </summary>
internal sealed record BillingCycle
{
    private BillingCycle(DateTimeOffset start, int anchorDay, BillingInterval interval)
    {
        Start = start;
        AnchorDay = anchorDay;
        Interval = interval;
    }

    public DateTimeOffset Start { get; }

    public int AnchorDay { get; }

    public BillingInterval Interval { get; }

    public static BillingCycle Create(DateTimeOffset start, int anchorDay, BillingInterval interval)
    {
        if (anchorDay is < 1 or > 31)
        {
            throw new BusinessRuleViolation("invalid_anchor_day", $"The billing anchor day is 1 to 31, not {anchorDay}.");
        }

        return new BillingCycle(start.StartOfUtcDay(), anchorDay, interval);
    }

    /// <summary>The period that contains the instant (taken to UTC); none before the subscription starts.</summary>
    public Period PeriodContaining(DateTimeOffset instant)
    {
        if (instant < Start)
        {
            throw new BusinessRuleViolation("before_subscription_start", $"{instant:O} is before the subscription starts ({Start:O}).");
        }

        var periodStart = Start;
        var periodEnd = BoundaryAfter(Start);
        if (instant >= periodEnd)
        {
            // Jump close to the instant, then step: a period is never longer than a year.
            periodStart = BoundaryAfter(instant.StartOfUtcDay().AddDays(-400) > Start ? instant.StartOfUtcDay().AddDays(-400) : Start);
            periodEnd = BoundaryAfter(periodStart);
            while (instant >= periodEnd)
            {
                periodStart = periodEnd;
                periodEnd = BoundaryAfter(periodStart);
            }
        }

        return Period.Create(periodStart, periodEnd);
    }

    /// <summary>The first period, which starts at the subscription start.</summary>
    public Period FirstPeriod => Period.Create(Start, BoundaryAfter(Start));

    /// <summary>The period right after the given one (after the whole period, when the given one was cut short).</summary>
    public Period After(Period period)
    {
        var start = BoundaryAfter(period.Start);
        return Period.Create(start, BoundaryAfter(start));
    }

    /// <summary>The first boundary strictly after the instant (an instant at or after the start).</summary>
    public DateTimeOffset BoundaryAfter(DateTimeOffset instant)
    {
        var day = instant.StartOfUtcDay();
        switch (Interval)
        {
            case BillingInterval.Daily:
                return day.AddDays(1);
            case BillingInterval.Weekly:
                var weeks = (int)((day - Start).TotalDays / 7) + 1;
                return Start.AddDays(7 * weeks);
            case BillingInterval.Monthly:
                var thisMonth = AnchorIn(day.Year, day.Month);
                return thisMonth > instant ? thisMonth : AnchorIn(day.AddMonths(1).Year, day.AddMonths(1).Month);
            case BillingInterval.Yearly:
                var thisYear = AnchorIn(day.Year, Start.Month);
                return thisYear > instant ? thisYear : AnchorIn(day.Year + 1, Start.Month);
            default:
                throw new ArgumentOutOfRangeException(nameof(instant), Interval, null);
        }
    }

    private DateTimeOffset AnchorIn(int year, int month) =>
        new(year, month, Math.Min(AnchorDay, DateTime.DaysInMonth(year, month)), 0, 0, 0, TimeSpan.Zero);
}
