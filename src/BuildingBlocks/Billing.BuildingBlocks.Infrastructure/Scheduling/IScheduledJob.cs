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
}
