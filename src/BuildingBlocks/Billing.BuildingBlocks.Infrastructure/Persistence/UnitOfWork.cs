using Billing.BuildingBlocks.Application.Events;
using Billing.BuildingBlocks.Application.Messaging;
using Billing.BuildingBlocks.Domain;
using Billing.BuildingBlocks.Infrastructure.Outbox;
using MediatR;

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
            // SQLite: BEGIN IMMEDIATE, so the write lock is taken up front and a read never has to
            // be upgraded mid-transaction (which SQLite refuses instead of waiting).
            await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
            var result = await work();
            await DispatchDomainEventsAsync(cancellationToken);
            var queuedMessages = context.HasPendingOutboxMessages;
            await context.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (queuedMessages)
            {
                outboxSignal.Notify();
            }

            return result;
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

    private async Task DispatchDomainEventsAsync(CancellationToken cancellationToken)
    {
        // Handlers may raise further events; keep going until the aggregates are quiet.
        while (true)
        {
            var aggregates = context.ChangeTracker.Entries<AggregateRoot>()
                .Select(entry => entry.Entity)
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
}
