namespace Billing.Metering.Infrastructure.Persistence;

/// <summary>
/// One stored usage event. Written and aggregated with plain SQL on the hot path
/// (the provider adapters in <c>Usage/Sqlite</c> and <c>Usage/Postgres</c>); mapped in EF Core only so migrations and the schema test
/// cover the table. Timestamps are integer microseconds since the Unix epoch, UTC, for compact
/// range scans; values are integer millionths, so sums stay exact.
/// </summary>
internal sealed class UsageEventRow
{
    public long Sequence { get; set; }

    public string EventId { get; set; } = string.Empty;

    public string CustomerId { get; set; } = string.Empty;

    public string ExternalCustomerId { get; set; } = string.Empty;

    public string EventName { get; set; } = string.Empty;

    public long TimestampMicros { get; set; }

    public string Properties { get; set; } = "{}";

    public long? ValueMicros { get; set; }

    public string? UniqueKey { get; set; }

    public string PayloadHash { get; set; } = string.Empty;

    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>An instant as the table stores it: whole microseconds since the Unix epoch.</summary>
    public static long ToMicros(DateTimeOffset instant) => (instant.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;
}
