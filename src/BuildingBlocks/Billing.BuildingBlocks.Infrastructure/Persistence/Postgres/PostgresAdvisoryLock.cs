using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Billing.BuildingBlocks.Infrastructure.Persistence.Postgres;

/// <summary>
/// PostgreSQL's advisory locks: a claim on named work across the instances of a deployment (a
/// session-level lock held on a connection kept for the claim; an instance that dies drops its
/// connection, and the server releases the lock with it), and transaction-level locks that end with
/// the transaction that takes them (<see cref="OwnershipLocks"/>).
/// </summary>
public sealed class PostgresAdvisoryLock : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly string _work;

    private PostgresAdvisoryLock(NpgsqlConnection connection, string work) => (_connection, _work) = (connection, work);

    internal static async Task<IAsyncDisposable?> TryTakeAsync(BillingDatabaseOptions database, string work, CancellationToken cancellationToken)
    {
        var connection = await database.ClaimDataSource().OpenConnectionAsync(cancellationToken);
        try
        {
            if (await ExecuteAsync<bool>(connection, "SELECT pg_try_advisory_lock(hashtextextended(@work, 0))", work, cancellationToken))
            {
                return new PostgresAdvisoryLock(connection, work);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        return null;
    }

    internal static async Task<IAsyncDisposable> TakeAsync(BillingDatabaseOptions database, string work, CancellationToken cancellationToken)
    {
        var connection = await database.ClaimDataSource().OpenConnectionAsync(cancellationToken);
        try
        {
            // Waits as long as the holder works (a cycle can take minutes): no command timeout, only
            // the caller's cancellation, which Npgsql passes on to the server.
            await ExecuteAsync<object>(connection, "SELECT pg_advisory_lock(hashtextextended(@work, 0))", work, cancellationToken, waitIndefinitely: true);
            return new PostgresAdvisoryLock(connection, work);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>An exclusive lock held by a context's current transaction until it ends.</summary>
    internal static Task HoldUntilCommitAsync(DbContext context, string key, CancellationToken cancellationToken) =>
        context.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", cancellationToken);

    /// <summary>Shared locks on every key, held by the transaction until it ends; taken in one order, so two holders never wait on each other.</summary>
    public static async Task HoldSharedUntilCommitAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT pg_advisory_xact_lock_shared(hashtextextended(key, 0)) FROM unnest(@keys) AS key ORDER BY hashtextextended(key, 0)", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string[]>("keys", keys.Distinct(StringComparer.Ordinal).ToArray()) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await ExecuteAsync<object>(_connection, "SELECT pg_advisory_unlock(hashtextextended(@work, 0))", _work, CancellationToken.None);
        }
        finally
        {
            await _connection.DisposeAsync();
        }
    }

    private static async Task<T> ExecuteAsync<T>(NpgsqlConnection connection, string sql, string work, CancellationToken cancellationToken, bool waitIndefinitely = false)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        if (waitIndefinitely)
        {
            command.CommandTimeout = 0;
        }

        command.Parameters.Add(new NpgsqlParameter<string>("work", work));
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
