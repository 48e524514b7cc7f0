using Npgsql;

namespace Billing.BuildingBlocks.Infrastructure.Persistence.Postgres;

/// <summary>
/// A claim on named work across the instances of a deployment: a session-level advisory lock held on
/// a connection kept for the claim. An instance that dies drops its connection, and the server
/// releases the lock with it.
/// </summary>
internal sealed class PostgresAdvisoryLock : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly string _work;

    private PostgresAdvisoryLock(NpgsqlConnection connection, string work) => (_connection, _work) = (connection, work);

    public static async Task<IAsyncDisposable?> TryTakeAsync(BillingDatabaseOptions database, string work, CancellationToken cancellationToken)
    {
        var connection = await database.DataSource().OpenConnectionAsync(cancellationToken);
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

    public static async Task<IAsyncDisposable> TakeAsync(BillingDatabaseOptions database, string work, CancellationToken cancellationToken)
    {
        var connection = await database.DataSource().OpenConnectionAsync(cancellationToken);
        try
        {
            await ExecuteAsync<object>(connection, "SELECT pg_advisory_lock(hashtextextended(@work, 0))", work, cancellationToken);
            return new PostgresAdvisoryLock(connection, work);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
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

    private static async Task<T> ExecuteAsync<T>(NpgsqlConnection connection, string sql, string work, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter<string>("work", work));
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
