using Billing.BuildingBlocks.Domain;
using Billing.BuildingBlocks.Infrastructure.Scheduling;
using Billing.Invoicing.Application.Invoices.FinalizeDueInvoices;
using Billing.Invoicing.Application.Invoices.GenerateDueInvoices;
using Billing.Invoicing.Application.Invoices.MarkOverdueInvoices;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Billing.Invoicing.Infrastructure.Scheduling;

/// <summary>
/// The invoicing cycle on the injected clock, in each environment: invoice every period that has
/// ended and closed (INV-2), finalize every draft whose grace is over (INV-3), move every overdue
/// invoice to past_due (INV-11). Work goes in bounded batches, one transaction each, so a kill
/// mid-run loses at most one uncommitted batch, which the next run redoes.
/// </summary>
internal sealed class InvoiceCycleJob(IServiceScopeFactory scopes, ILogger<InvoiceCycleJob> logger) : IScheduledJob
{
    public const int BatchSize = 100;

    public string Name => "invoicing-cycle";

    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        var done = 0;
        foreach (var environment in EnvironmentJobScope.All)
        {
            done += await DrainAsync(environment, new FindDueSubscriptionsQuery(BatchSize), ids => new GenerateDueInvoicesCommand(ids), cancellationToken);
            done += await DrainAsync(environment, new FindDueDraftsQuery(BatchSize), ids => new FinalizeDueInvoicesCommand(ids), cancellationToken);
            done += await DrainAsync(environment, new FindOverdueInvoicesQuery(BatchSize), ids => new MarkOverdueInvoicesCommand(ids), cancellationToken);
        }

        return done;
    }

    private async Task<int> DrainAsync(
        BillingEnvironment environment, IRequest<IReadOnlyList<string>> find, Func<IReadOnlyList<string>, IRequest<int>> work, CancellationToken cancellationToken)
    {
        var done = 0;
        while (true)
        {
            var due = await scopes.SendAsync(environment, Name, find, cancellationToken);
            if (due.Count == 0)
            {
                return done;
            }

            var progress = await RunBatchAsync(environment, due, work, cancellationToken);
            if (progress == 0)
            {
                // Nothing moved (every item failed, or was done elsewhere meanwhile and still looks due): stop until the next tick.
                return done;
            }

            done += progress;
        }
    }

    private async Task<int> RunBatchAsync(
        BillingEnvironment environment, IReadOnlyList<string> due, Func<IReadOnlyList<string>, IRequest<int>> work, CancellationToken cancellationToken)
    {
        try
        {
            var done = await scopes.SendAsync(environment, Name, work(due), cancellationToken);
            logger.LogInformation("{Job} committed a batch: {Done} of {Count} items in {Environment}", Name, done, due.Count, environment);
            return done;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // One bad item must not hold the whole batch back: retry them one by one.
            logger.LogWarning(exception, "A {Job} batch of {Count} failed in {Environment}; retrying item by item", Name, due.Count, environment);
            var done = 0;
            foreach (var id in due)
            {
                try
                {
                    done += await scopes.SendAsync(environment, Name, work([id]), cancellationToken);
                }
                catch (Exception itemException) when (itemException is not OperationCanceledException)
                {
                    logger.LogError(itemException, "{Job} failed for {Id} in {Environment}", Name, id, environment);
                }
            }

            return done;
        }
    }
}
