namespace Billing.Metering.Domain.Usage;

/// <summary>
/// MET-5: which timestamps are accepted. Up to 5 minutes ahead (clock skew between client and
/// server), and no older than the late-usage window (default 35 days: a monthly period plus its
/// grace, so late usage can still reach the next invoice).
/// </summary>
internal sealed record UsageWindow(TimeSpan LateUsageWindow)
{
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan DefaultLateUsageWindow = TimeSpan.FromDays(35);

    public (string Code, string Detail)? Check(DateTimeOffset timestamp, DateTimeOffset now)
    {
        if (timestamp > now + FutureTolerance)
        {
            return (RejectionReason.TimestampInFuture, $"The timestamp {timestamp:O} is more than 5 minutes ahead of {now:O}.");
        }

        if (timestamp < now - LateUsageWindow)
        {
            return (RejectionReason.TimestampTooOld, $"The timestamp {timestamp:O} is older than the late-usage window of {LateUsageWindow.TotalDays:0.##} days.");
        }

        return null;
    }
}
