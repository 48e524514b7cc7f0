using Billing.BuildingBlocks.Infrastructure.Persistence;
using Billing.BuildingBlocks.Infrastructure.Time;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Billing.BuildingBlocks.Infrastructure.Scheduling;

/// <summary>
/// INV-2, OPS-4: runs every module's scheduled jobs every <c>Billing:Scheduler:Interval</c> (default
/// one minute) and whenever the simulated clock moves. Runs never overlap in one process, and a job
/// runs in one instance at a time (docs-adr/0046); the jobs themselves are safe to repeat. The wait between runs is real time on purpose: what is due
/// is always decided by the injected clock.
/// </summary>
public sealed class JobScheduler(
    IEnumerable<IScheduledJob> jobs, WorkClaims claims, SharedClock sharedClock, IConfiguration configuration, ILogger<JobScheduler> logger) : BackgroundService
{
    private readonly SemaphoreSlim _running = new(1, 1);

    /// <summary>Runs every job now and waits for the run to finish.</summary>
    public async Task RunNowAsync(CancellationToken cancellationToken)
    {
        await _running.WaitAsync(cancellationToken);
        try
        {
            await sharedClock.RefreshAsync(cancellationToken);
            await RunJobsAsync(cancellationToken);
        }
        finally
        {
            _running.Release();
        }
    }

    /// <summary>
    /// OPS-4: moves the simulated clock to <paramref name="target"/> the way time would have passed:
    /// it stops at every instant in between at which a job has work, in order, and runs the jobs
    /// there, then runs them once more at the target. So a jump and a walk through the same time
    /// make the same invoices, with the same history times and notifications. No other run of the
    /// jobs in this process interleaves, and no other move in the deployment; every instant it stops
    /// at is the deployment's now before the jobs run there (docs-adr/0047).
    /// </summary>
    public async Task<DateTimeOffset> ReplayUntilAsync(SimulatedTimeProvider clock, DateTimeOffset target, CancellationToken cancellationToken)
    {
        await _running.WaitAsync(cancellationToken);
        try
        {
            // One move at a time in the deployment (docs-adr/0047), from where the deployment's clock stands.
            await using var claim = await claims.ClaimAsync("clock", cancellationToken);
            await sharedClock.RefreshAsync(cancellationToken);
            while (await NextDueAfterAsync(clock.GetUtcNow(), cancellationToken) is { } next && next < target)
            {
                clock.SetTo(next);
                await sharedClock.PublishAsync(cancellationToken);
                await RunJobsAsync(cancellationToken);
            }

            // Another move may have gone further while this one waited for the jobs: time never runs back.
            var now = target > clock.GetUtcNow() ? clock.SetTo(target) : clock.GetUtcNow();
            await sharedClock.PublishAsync(cancellationToken);
            await RunJobsAsync(cancellationToken);
            return now;
        }
        finally
        {
            _running.Release();
        }
    }

    private async Task<DateTimeOffset?> NextDueAfterAsync(DateTimeOffset after, CancellationToken cancellationToken)
    {
        DateTimeOffset? earliest = null;
        foreach (var job in jobs)
        {
            if (await job.NextDueAfterAsync(after, cancellationToken) is { } instant && (earliest is null || instant < earliest))
            {
                earliest = instant;
            }
        }

        return earliest;
    }

    private async Task RunJobsAsync(CancellationToken cancellationToken)
    {
        foreach (var job in jobs)
        {
            try
            {
                // One instance runs a job at a time (docs-adr/0046); another waits, then finds what is left.
                await using var claim = await claims.ClaimAsync($"job:{job.Name}", cancellationToken);
                var done = await job.RunDueAsync(cancellationToken);
                if (done > 0)
                {
                    logger.LogInformation("Scheduled job {Job} did {Count} items", job.Name, done);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // One failing job must not stop the others; the next run tries again.
                logger.LogError(exception, "Scheduled job {Job} failed; it runs again at the next tick", job.Name);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue("Billing:Scheduler:Interval", TimeSpan.FromMinutes(1));
        using var timer = new PeriodicTimer(interval);
        try
        {
            do
            {
                await RunNowAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
        }
    }
}
