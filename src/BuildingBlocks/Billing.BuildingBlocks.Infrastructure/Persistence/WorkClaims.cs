using Billing.BuildingBlocks.Infrastructure.Persistence.Postgres;

namespace Billing.BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// docs-adr/0046: background work (a scheduled job, a module's outbox) that one instance of a
/// deployment does at a time. On PostgreSQL a claim is a session advisory lock on a connection of its
/// own, so it is released when the work ends or the instance dies (the server drops the lock with the
/// connection); the work itself stays safe to repeat. On SQLite the file's single writer already
/// orders the work, and every claim is granted.
/// </summary>
public sealed class WorkClaims(BillingDatabaseOptions database)
{
    /// <summary>The work's claim, or null when another instance holds it now.</summary>
    public Task<IAsyncDisposable?> TryClaimAsync(string work, CancellationToken cancellationToken) =>
        database.Provider == DatabaseProvider.Postgres
            ? PostgresAdvisoryLock.TryTakeAsync(database, work, cancellationToken)
            : Task.FromResult<IAsyncDisposable?>(Granted.Instance);

    /// <summary>The work's claim, waiting while another instance holds it.</summary>
    public Task<IAsyncDisposable> ClaimAsync(string work, CancellationToken cancellationToken) =>
        database.Provider == DatabaseProvider.Postgres
            ? PostgresAdvisoryLock.TakeAsync(database, work, cancellationToken)
            : Task.FromResult<IAsyncDisposable>(Granted.Instance);

    private sealed class Granted : IAsyncDisposable
    {
        public static readonly Granted Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
