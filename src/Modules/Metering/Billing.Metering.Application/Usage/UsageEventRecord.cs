namespace Billing.Metering.Application.Usage;

/// <summary>A validated, measured event, ready to be stored exactly once.</summary>
internal sealed record UsageEventRecord(
    string EventId,
    string CustomerId,
    string ExternalCustomerId,
    string EventName,
    DateTimeOffset Timestamp,
    string Properties,
    long? ValueMicros,
    string? UniqueKey,
    string PayloadHash);

/// <summary>MET-4: what storing one event came to.</summary>
internal enum AppendOutcome
{
    Accepted,

    /// <summary>The id was stored before with the same payload: not counted again.</summary>
    Duplicate,

    /// <summary>The id was stored before with a different payload.</summary>
    Conflict,

    /// <summary>No customer owns the external id any more (deleted after the event was checked).</summary>
    UnknownCustomer,
}
