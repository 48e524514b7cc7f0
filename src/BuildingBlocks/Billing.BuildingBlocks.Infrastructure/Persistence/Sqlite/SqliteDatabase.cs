using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Billing.BuildingBlocks.Infrastructure.Persistence.Sqlite;

/// <summary>The SQLite adapter's part of setting the database up, connecting to it and storing values in it.</summary>
public static class SqliteDatabase
{
    /// <summary>WAL is set on the file before any migration (the setting persists in the file).</summary>
    internal static async Task BeforeMigrationsAsync(BillingDatabaseOptions options, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(options.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        await command.ExecuteScalarAsync(cancellationToken);
    }

    /// <summary>
    /// The planner's statistics, with the product's per-connection settings (a second instance starting
    /// at the same moment waits for the write lock); SQLite reads them when a connection loads the
    /// schema, so the pool starts afresh.
    /// </summary>
    internal static async Task AfterMigrationsAsync(BillingDatabaseOptions options, CancellationToken cancellationToken)
    {
        await using var connection = await options.OpenConnectionAsync(cancellationToken);
        await PlannerStatistics.WriteAsync(connection, cancellationToken);
        SqliteConnection.ClearPool(connection);
    }

    internal static async Task<long> CountSchemaObjectsAsync(BillingDatabaseOptions options, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(options.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A raw connection for a hot path that EF Core cannot serve fast enough (docs-adr/0007), with
    /// the same per-connection settings as every EF context.
    /// </summary>
    public static Task<SqliteConnection> OpenConnectionAsync(this BillingDatabaseOptions database, CancellationToken cancellationToken)
    {
        // Microsoft.Data.Sqlite opens synchronously whichever method is called.
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(database.OpenConnection());
    }

    public static SqliteConnection OpenConnection(this BillingDatabaseOptions database)
    {
        var connection = new SqliteConnection(database.ConnectionString);
        try
        {
            connection.Open();
            SqlitePragmas.Apply(connection);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    internal static DbContextOptionsBuilder Use(DbContextOptionsBuilder options, BillingDatabaseOptions database, string schema)
    {
        options
            .UseSqlite(database.ConnectionString, sqlite => sqlite.MigrationsHistoryTable($"__{schema}_migrations"))
            .AddInterceptors(SqlitePragmas.Instance);
        return database.BulkWrites ? options.AddInterceptors(BulkWritesOn.Instance) : options;
    }

    /// <summary>SQLite has no instant type: instants are stored as sortable UTC text.</summary>
    internal static void AddConventions(ModelConfigurationBuilder configurationBuilder, DatabaseFacade database)
    {
        if (database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcInstantToTextConverter>();
        }
    }

    /// <summary>The configured connection string with pooling on, and the folder the file lives in (created if missing).</summary>
    internal static (string ConnectionString, string DataDirectory) Normalize(string? configured)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? BillingDatabaseOptions.DefaultConnectionString : configured)
        {
            Pooling = true,
        };
        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (builder.Mode != SqliteOpenMode.Memory && !string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        return (builder.ToString(), directory ?? ".");
    }
}
