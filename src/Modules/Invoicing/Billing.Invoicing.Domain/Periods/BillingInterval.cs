namespace Billing.Invoicing.Domain.Periods;

/// <summary>PLN-1: how often a plan bills.</summary>
internal enum BillingInterval
{
    Daily,
    Weekly,
    Monthly,
    Yearly,
}

internal static class BillingIntervals
{
    /// <summary>The shortest a period of this interval can be (a monthly period is at least 28 days).</summary>
    public static TimeSpan ShortestLength(BillingInterval interval) => interval switch
    {
        BillingInterval.Daily => TimeSpan.FromDays(1),
        BillingInterval.Weekly => TimeSpan.FromDays(7),
        BillingInterval.Monthly => TimeSpan.FromDays(28),
        BillingInterval.Yearly => TimeSpan.FromDays(365),
        _ => throw new ArgumentOutOfRangeException(nameof(interval), interval, null),
    };
}
