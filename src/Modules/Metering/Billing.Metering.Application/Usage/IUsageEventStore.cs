namespace Billing.Metering.Application.Usage;

/// <summary>
/// The durable, idempotent event log of the caller's environment (the hot path, docs-adr/0018).
/// De-duplication and the write are one atomic step; the answer comes after the commit is on disk.
/// </summary>
internal interface IUsageEventStore
{
    /// <summary>One outcome per event, in order.</summary>
    Task<IReadOnlyList<AppendOutcome>> AppendAsync(IReadOnlyList<UsageEventRecord> events, CancellationToken cancellationToken);
}
