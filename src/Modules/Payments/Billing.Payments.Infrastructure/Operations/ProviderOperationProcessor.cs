using Billing.BuildingBlocks.Infrastructure.Access;
using Billing.BuildingBlocks.Infrastructure.Persistence;
using Billing.BuildingBlocks.Infrastructure.Scheduling;
using Billing.Payments.Application.Operations.Running;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Billing.Payments.Infrastructure.Operations;

/// <summary>
/// PAY-7: runs the queued provider operations of every environment, oldest first, one at a time,
/// outside any transaction, in one instance of a deployment at a time. It polls in real time: like the outbox, it is plumbing and must keep
/// working while a simulated clock stands still; the retry backoff of an operation follows Billing's clock.
/// </summary>
internal sealed class ProviderOperationProcessor(
    IServiceScopeFactory scopes, WorkClaims claims, IOptions<PaymentsOptions> options, ILogger<ProviderOperationProcessor> logger)
    : BackgroundService
{
    private const string Job = "payments";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var ran = 0;
            try
            {
                // One instance works the queue at a time (docs-adr/0046); the others wait for their next poll.
                await using var claim = await claims.TryClaimAsync("payments:operations", stoppingToken);
                foreach (var environment in claim is null ? [] : EnvironmentJobScope.All)
                {
                    foreach (var id in await scopes.SendAsync(environment, Job, new FindDueOperationsQuery(options.Value.BatchSize), stoppingToken))
                    {
                        await using var scope = scopes.CreateAsyncScope();
                        scope.ServiceProvider.GetRequiredService<CallerContext>().Set(environment, $"system:{Job}");
                        ran += await scope.ServiceProvider.GetRequiredService<ProviderOperationRunner>().RunAsync(id, stoppingToken) ? 1 : 0;
                    }
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Running payment provider operations failed; trying again");
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (ran == 0)
            {
                try
                {
                    await Task.Delay(options.Value.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
