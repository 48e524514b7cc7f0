using Billing.BuildingBlocks.Application.Messaging;
using Billing.BuildingBlocks.Domain;
using Billing.BuildingBlocks.Infrastructure.Scheduling;
using Billing.Invoicing.Application.Invoices.Composing;
using Billing.Invoicing.Application.Invoices.FinalizeDueInvoices;
using Billing.Invoicing.Application.Invoices.FindNextDueInstant;
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
/// mid-run loses at most one uncommitted batch, which the next run redoes. New drafts are composed
/// one batch ahead, on the other core, while the batch before them holds the write lock (docs-adr/0027).
/// </summary>
internal sealed class InvoiceCycleJob(IServiceScopeFactory scopes, ILogger<InvoiceCycleJob> logger) : IScheduledJob
{
    /// <summary>
    /// Invoices per transaction. Each batch pays a commit (an fsync and the index pages it touched)
    /// and fixed reads; P5 measured 100 against 500 and 1,000 (docs-adr/0027). Memory grows with
    /// the batch, never with the number of events.
    /// </summary>
    public const int BatchSize = 500;

    /// <summary>Subscriptions found due at a time: the batches composed one ahead of another.</summary>
    public const int BatchesPerWindow = 4;

    public string Name => "invoicing-cycle";

    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        var done = 0;
        foreach (var environment in EnvironmentJobScope.All)
        {
            done += await GenerateAsync(environment, cancellationToken);
            done += await DrainAsync(environment, new FindDueDraftsQuery(BatchSize), ids => new FinalizeDueInvoicesCommand(ids), cancellationToken);
            done += await DrainAsync(environment, new FindOverdueInvoicesQuery(BatchSize), ids => new MarkOverdueInvoicesCommand(ids), cancellationToken);
        }

        return done;
    }

    public Task<DateTimeOffset?> NextDueAfterAsync(DateTimeOffset after, CancellationToken cancellationToken) =>
        scopes.EarliestAsync(Name, new FindNextCycleInstantQuery(after), cancellationToken);

    /// <summary>
    /// INV-2 in windows of several batches: batch n + 1 is composed (reads and rating, no write lock)
    /// while batch n is written. A window is found afresh only once all of its batches are written,
    /// so no batch is composed for subscriptions another batch of the window is still billing.
    /// </summary>
    private Task<int> GenerateAsync(BillingEnvironment environment, CancellationToken cancellationToken) =>
        DrainAsync(
            environment,
            new FindDueSubscriptionsQuery(BatchSize * BatchesPerWindow),
            batch => ComposeAheadAsync(environment, batch, cancellationToken),
            (ids, composed) => new GenerateDueInvoicesCommand(ids, composed),
            cancellationToken);

    /// <summary>
    /// On a pool thread of its own: SQLite's calls complete synchronously, so without it the reads
    /// would run on the cycle's thread before the write could start. A failure here costs only the
    /// head start: the command composes whatever it is not given.
    /// </summary>
    private Task<ComposedAhead> ComposeAheadAsync(BillingEnvironment environment, IReadOnlyList<string> subscriptionIds, CancellationToken cancellationToken) =>
        Task.Run(
            async () =>
            {
                try
                {
                    return await scopes.SendAsync(environment, Name, new ComposeDueDraftsQuery(subscriptionIds), cancellationToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogWarning(exception, "{Job} could not compose {Count} drafts ahead in {Environment}; the batch composes them itself", Name, subscriptionIds.Count, environment);
                    return ComposedAhead.None;
                }
            },
            cancellationToken);

    private Task<int> DrainAsync(
        BillingEnvironment environment, IRequest<IReadOnlyList<string>> find, Func<IReadOnlyList<string>, IRequest<int>> work, CancellationToken cancellationToken) =>
        DrainAsync(environment, find, _ => Task.FromResult(true), (ids, _) => work(ids), cancellationToken);

    /// <summary>
    /// Finds what is due, splits it into batches and runs them one transaction each, until nothing
    /// is due; <paramref name="prepare"/> of the next batch runs while the current one is written.
    /// </summary>
    private async Task<int> DrainAsync<TPrepared>(
        BillingEnvironment environment,
        IRequest<IReadOnlyList<string>> find,
        Func<IReadOnlyList<string>, Task<TPrepared>> prepare,
        Func<IReadOnlyList<string>, TPrepared, IRequest<int>> work,
        CancellationToken cancellationToken)
    {
        var done = 0;
        while (true)
        {
            var due = await scopes.SendAsync(environment, Name, find, cancellationToken);
            if (due.Count == 0)
            {
                return done;
            }

            var batches = due.Chunk(BatchSize).ToList();
            var progress = 0;
            var next = prepare(batches[0]);
            for (var index = 0; index < batches.Count; index++)
            {
                var prepared = await next;
                if (index + 1 < batches.Count)
                {
                    next = prepare(batches[index + 1]);
                }

                progress += await RunBatchAsync(environment, batches[index], ids => work(ids, prepared), cancellationToken);
            }

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
        catch (TransactionConflictException) when (due.Count > 1)
        {
            // docs-adr/0045: the batch kept overlapping other transactions; halves overlap fewer.
            logger.LogInformation("A {Job} batch of {Count} kept meeting conflicting transactions in {Environment}; splitting it", Name, due.Count, environment);
            var half = due.Count / 2;
            return await RunBatchAsync(environment, due.Take(half).ToList(), work, cancellationToken)
                + await RunBatchAsync(environment, due.Skip(half).ToList(), work, cancellationToken);
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
