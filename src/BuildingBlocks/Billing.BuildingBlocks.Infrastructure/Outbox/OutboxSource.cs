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
/// scope of its own environment and marked processed right after: a crash in between publishes it
/// again (at least once), which is why integration event handlers are idempotent.
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
        var due = await FindDueAsync(cancellationToken);
        foreach (var (id, environment) in due)
        {
            await PublishAsync(id, BillingEnvironments.Parse(environment), cancellationToken);
        }

        return due.Count;
    }

    private async Task<List<(Guid Id, string Environment)>> FindDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<TContext>();
        var now = clock.GetUtcNow();
        var rows = await context.OutboxMessages
            .IgnoreQueryFilters()
            .AsNoTracking()
            .Where(message => message.ProcessedAt == null && (message.NextAttemptAt == null || message.NextAttemptAt <= now))
            .OrderBy(message => message.Sequence)
            .Take(options.Value.BatchSize)
            .Select(message => new { message.Id, Environment = EF.Property<string>(message, EnvironmentScope.PropertyName) })
            .ToListAsync(cancellationToken);
        return rows.Select(row => (row.Id, row.Environment)).ToList();
    }

    private async Task PublishAsync(Guid id, BillingEnvironment environment, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CallerContext>().Set(environment, $"system:outbox:{module.ToLowerInvariant()}");
        var context = scope.ServiceProvider.GetRequiredService<TContext>();
        var message = await context.OutboxMessages.SingleAsync(row => row.Id == id, cancellationToken);
        try
        {
            var integrationEvent = message.ToIntegrationEvent();
            await scope.ServiceProvider.GetRequiredService<IMediator>().Publish<INotification>(integrationEvent, cancellationToken);
            message.MarkProcessed(clock.GetUtcNow());
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Publishing outbox message {MessageId} of {Module} failed; it will be retried", id, module);
            message.MarkFailed(clock.GetUtcNow(), exception);
        }

        await context.SaveChangesAsync(cancellationToken);
    }
}
