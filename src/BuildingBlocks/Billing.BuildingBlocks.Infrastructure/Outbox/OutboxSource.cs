using Billing.BuildingBlocks.Domain;
using Billing.BuildingBlocks.Infrastructure.Access;
using Billing.BuildingBlocks.Infrastructure.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Billing.BuildingBlocks.Infrastructure.Outbox;

/// <summary>
/// Publishes the due messages of one module's outbox, oldest first. Each message is published in a
/// scope of its own environment; the batch is then marked processed with one statement, one commit
/// for up to <see cref="OutboxOptions.BatchSize"/> messages rather than one each (a cycle's thousands
/// of finalized invoices would otherwise take SQLite's write lock thousands of times). A crash in
/// between publishes the batch again (at least once), which is why integration event handlers are
/// idempotent. A message whose handler fails is marked for a later attempt on its own.
/// </summary>
internal sealed class OutboxSource<TContext>(
    string module,
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<OutboxOptions> options,
    ILogger<OutboxSource<TContext>> logger) : IOutboxSource
    where TContext : ModuleDbContext
{
    public string Module => module;

    public async Task<int> PublishDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<TContext>();
        var now = clock.GetUtcNow();
        var due = await context.OutboxMessages
            .IgnoreQueryFilters()
            .AsNoTracking()
            .Where(message => message.ProcessedAt == null && (message.NextAttemptAt == null || message.NextAttemptAt <= now))
            .OrderBy(message => message.Sequence)
            .Take(options.Value.BatchSize)
            .Select(message => new { Message = message, Environment = EF.Property<string>(message, EnvironmentScope.PropertyName) })
            .ToListAsync(cancellationToken);

        var published = new List<Guid>(due.Count);
        foreach (var row in due)
        {
            if (await PublishAsync(row.Message, BillingEnvironments.Parse(row.Environment), cancellationToken))
            {
                published.Add(row.Message.Id);
            }
        }

        if (published.Count > 0)
        {
            var processedAt = clock.GetUtcNow();
            await context.OutboxMessages
                .IgnoreQueryFilters()
                .Where(message => published.Contains(message.Id))
                .ExecuteUpdateAsync(
                    message => message.SetProperty(row => row.ProcessedAt, processedAt).SetProperty(row => row.LastError, (string?)null),
                    cancellationToken);
        }

        return due.Count;
    }

    private async Task<bool> PublishAsync(OutboxMessage message, BillingEnvironment environment, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = ScopeOf(environment);
            await scope.ServiceProvider.GetRequiredService<IMediator>().Publish<INotification>(message.ToIntegrationEvent(), cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Publishing outbox message {MessageId} of {Module} failed; it will be retried", message.Id, module);

            // A scope of its own: whatever the failed handler left tracked must not be saved with the mark.
            await using var scope = ScopeOf(environment);
            var context = scope.ServiceProvider.GetRequiredService<TContext>();
            var failed = await context.OutboxMessages.SingleAsync(row => row.Id == message.Id, cancellationToken);
            failed.MarkFailed(clock.GetUtcNow(), exception);
            await context.SaveChangesAsync(cancellationToken);
            return false;
        }
    }

    private AsyncServiceScope ScopeOf(BillingEnvironment environment)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CallerContext>().Set(environment, $"system:outbox:{module.ToLowerInvariant()}");
        return scope;
    }
}
