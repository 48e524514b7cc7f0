namespace Billing.BuildingBlocks.Domain.Time;

public static class UtcInstant
{
    /// <summary>Takes an instant given with any offset to the same instant at offset zero.</summary>
    public static DateTimeOffset ToUtc(this DateTimeOffset instant) => instant.ToUniversalTime();

    /// <summary>00:00:00 UTC of the day that contains the instant.</summary>
    public static DateTimeOffset StartOfUtcDay(this DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, 0, 0, 0, TimeSpan.Zero);
    }
}
