using System.Collections.Concurrent;
using System.Data;
using Billing.BuildingBlocks.Application.Events;
using Billing.BuildingBlocks.Application.Messaging;
using Billing.BuildingBlocks.Domain;
using Billing.BuildingBlocks.Infrastructure.Outbox;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Billing.BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// The transaction of one command over one module's context: handler, then domain events (whose
/// handlers may change more, queue integration events and audit entries), then one save and commit.
/// Nothing is published before commit; the outbox publishes after it.
/// </summary>
internal sealed class UnitOfWork<TContext>(TContext context, IMediator mediator, ActiveUnitsOfWork active, OutboxSignal outboxSignal)
    : IUnitOfWork
    where TContext : ModuleDbContext
{
    private static readonly ConcurrentDictionary<IModel, bool> NavigatingModels = new();

    public async Task<TResult> ExecuteAsync<TResult>(Func<Task<TResult>> work, CancellationToken cancellationToken)
    {
        if (context.Database.CurrentTransaction is not null)
        {
            // A command sent from inside another command of the same module joins its transaction.
            return await work();
        }

        active.Push(context);
        try
        {
            return await RunOnceAsync(work, cancellationToken);
        }
        catch (Exception failure) when (BillingDatabase.MayRetry(context.Database, failure))
        {
            // docs-adr/0045: another transaction changed what this one read; nothing of it was kept,
            // and the command runs again from the start in a scope of its own (UnitOfWorkBehaviour).
            context.ChangeTracker.Clear();
            throw new TransactionConflictException(failure);
        }
        catch
        {
            context.ChangeTracker.Clear();
            throw;
        }
        finally
        {
            active.Pop();
        }
    }

    /// <summary>
    /// One serializable transaction (docs-adr/0045): every command sees the database as if it ran
    /// alone. SQLite begins it IMMEDIATE, taking the write lock up front so a read never has to be
    /// upgraded mid-transaction (which SQLite refuses instead of waiting); PostgreSQL checks at commit
    /// and refuses the later of two transactions that overlap, which is then run again.
    /// </summary>
    private async Task<TResult> RunOnceAsync<TResult>(Func<Task<TResult>> work, CancellationToken cancellationToken)
    {
        await using var transaction = await context.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
        var result = await work();
        await DispatchDomainEventsAsync(cancellationToken);
        var queuedMessages = await SaveAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (queuedMessages)
        {
            outboxSignal.Notify();
        }

        return result;
    }

    /// <summary>
    /// Changes are detected once, then saved. Every look at the tracker (entries with events, pending
    /// outbox messages, the environment stamp, the save itself) would otherwise scan every tracked
    /// entity again, which a cycle's batch of hundreds of invoices pays for many times over.
    /// </summary>
    private async Task<bool> SaveAsync(CancellationToken cancellationToken)
    {
        var tracker = context.ChangeTracker;
        tracker.DetectChanges();
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            var queuedMessages = context.HasPendingOutboxMessages;
            try
            {
                await context.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException failure) when (UniqueKeys.ConflictOf(context, failure) is { } conflict)
            {
                throw conflict;
            }

            return queuedMessages;
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = true;
        }
    }

    private async Task DispatchDomainEventsAsync(CancellationToken cancellationToken)
    {
        // Once, so aggregates reachable only through a navigation are tracked too; the handlers that
        // follow add what they make to the context themselves. A model whose only navigations are
        // ownerships has no such aggregate, and the save detects the changes anyway.
        if (ReachesEntitiesByNavigation(context.Model))
        {
            context.ChangeTracker.DetectChanges();
        }

        // Handlers may raise further events; keep going until the aggregates are quiet.
        while (true)
        {
            var aggregates = TrackedAggregates()
                .Where(aggregate => aggregate.DomainEvents.Count > 0)
                .ToList();
            if (aggregates.Count == 0)
            {
                return;
            }

            var domainEvents = aggregates.SelectMany(aggregate => aggregate.DomainEvents).ToList();
            aggregates.ForEach(aggregate => aggregate.ClearDomainEvents());
            foreach (var domainEvent in domainEvents)
            {
                await mediator.Publish(DomainEventNotification.For(domainEvent), cancellationToken);
            }
        }
    }

    /// <summary>Whether any entity of the model leads to another by a navigation other than ownership.</summary>
    private static bool ReachesEntitiesByNavigation(IModel model) =>
        NavigatingModels.GetOrAdd(model, one => one.GetEntityTypes().Any(type =>
            type.GetNavigations().Any(navigation => !navigation.ForeignKey.IsOwnership) || type.GetSkipNavigations().Any()));

    /// <summary>The tracked aggregates, without detecting changes again: their events are on the objects whatever their state.</summary>
    private List<AggregateRoot> TrackedAggregates()
    {
        var tracker = context.ChangeTracker;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            return tracker.Entries<AggregateRoot>().Select(entry => entry.Entity).ToList();
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = true;
        }
    }
}
