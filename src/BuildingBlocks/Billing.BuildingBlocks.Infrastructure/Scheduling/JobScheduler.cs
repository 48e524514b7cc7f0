using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Billing.BuildingBlocks.Infrastructure.Scheduling;

/// <summary>
/// INV-2, OPS-4: runs every module's scheduled jobs every <c>Billing:Scheduler:Interval</c> (default
/// one minute) and whenever the simulated clock moves. Runs never overlap in one process; the jobs
/// themselves are safe across processes. The wait between runs is real time on purpose: what is due
/// is always decided by the injected clock.
/// </summary>
public sealed class JobScheduler(IEnumerable<IScheduledJob> jobs, IConfiguration configuration, ILogger<JobScheduler> logger) : BackgroundService
{
    private readonly SemaphoreSlim _running = new(1, 1);

    /// <summary>Runs every job now and waits for the run to finish (the simulated clock calls it after each move).</summary>
    public async Task RunNowAsync(CancellationToken cancellationToken)
    {
        await _running.WaitAsync(cancellationToken);
        try
        {
            foreach (var job in jobs)
            {
                try
                {
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
        finally
        {
            _running.Release();
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
