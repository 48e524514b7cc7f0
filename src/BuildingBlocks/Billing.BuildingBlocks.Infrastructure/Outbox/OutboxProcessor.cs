using Billing.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Billing.BuildingBlocks.Infrastructure.Outbox;

/// <summary>
/// Publishes every module's outbox after commit. Woken by <see cref="OutboxSignal"/> on commit and
/// by a poll otherwise. The poll waits in real time on purpose: it is plumbing, not a billing decision,
/// and must keep running while a simulated clock stands still.
/// </summary>
internal sealed class OutboxProcessor(
    IEnumerable<IOutboxSource> sources,
    OutboxSignal signal,
    WorkClaims claims,
    IOptions<OutboxOptions> options,
    ILogger<OutboxProcessor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var published = 0;
            foreach (var source in sources)
            {
                try
                {
                    // One instance publishes a module's outbox at a time (docs-adr/0046); the others go on to the next.
                    await using var claim = await claims.TryClaimAsync($"outbox:{source.Module}", stoppingToken);
                    if (claim is not null)
                    {
                        published += await source.PublishDueAsync(stoppingToken);
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogError(exception, "The outbox of {Module} could not be read", source.Module);
                }
            }

            if (published == 0)
            {
                try
                {
                    await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
