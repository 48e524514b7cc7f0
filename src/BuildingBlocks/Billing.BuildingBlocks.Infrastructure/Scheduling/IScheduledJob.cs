namespace Billing.BuildingBlocks.Infrastructure.Scheduling;

/// <summary>
/// Work a module does on the clock (invoice due periods, finalize drafts, mark past due, deliver
/// webhooks). A run does everything due at the clock's now and answers how much it did; it must be
/// safe to run again at once, and from two instances at the same time.
/// </summary>
public interface IScheduledJob
{
    string Name { get; }

    Task<int> RunDueAsync(CancellationToken cancellationToken);

    /// <summary>
    /// OPS-4: the first instant after <paramref name="after"/> at which this job has work, in any
    /// environment, or null. A move of the simulated clock stops at each such instant and runs the
    /// jobs there, so a jump gives what a walk through the same time gives.
    /// </summary>
    Task<DateTimeOffset?> NextDueAfterAsync(DateTimeOffset after, CancellationToken cancellationToken);
}
