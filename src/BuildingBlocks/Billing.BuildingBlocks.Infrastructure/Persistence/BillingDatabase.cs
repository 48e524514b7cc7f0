using Microsoft.Data.Sqlite;
using Billing.BuildingBlocks.Domain.Monetary;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Billing.BuildingBlocks.Infrastructure.Persistence;

public static class BillingDatabase
{
    /// <summary>
    /// OPS-1: the database is created and migrated on start. WAL is set on the file first (it
    /// persists), then every module applies its own migrations, then the query planner's statistics
    /// are written (docs-adr/0024).
    /// </summary>
    public static async Task MigrateBillingDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var options = services.GetRequiredService<BillingDatabaseOptions>();
        await using (var connection = new SqliteConnection(options.ConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL;";
            await command.ExecuteScalarAsync(cancellationToken);
        }

        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BillingDatabase));
        foreach (var database in services.GetServices<IModuleDatabase>())
        {
            await using var scope = services.CreateAsyncScope();
            await database.MigrateAsync(scope.ServiceProvider, cancellationToken);
            logger.LogInformation("Database schema of {Module} is up to date", database.Module);
        }

        // With the product's per-connection settings: a second instance starting at the same moment waits for the write lock.
        await using (var connection = await options.OpenConnectionAsync(cancellationToken))
        {
            await PlannerStatistics.WriteAsync(connection, cancellationToken);

            // SQLite reads the statistics when a connection loads the schema: start the pool afresh.
            SqliteConnection.ClearPool(connection);
        }
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

    /// <summary>The product's database for a context: SQLite, its own migrations history table, its pragmas.</summary>
    public static DbContextOptionsBuilder UseBillingSqlite(this DbContextOptionsBuilder options, string connectionString, string schema) =>
        options
            .UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable($"__{schema}_migrations"))
            .AddInterceptors(SqlitePragmas.Instance);

    /// <summary>How shared value types are stored, the same in every context.</summary>
    public static void UseBillingConventions(this ModelConfigurationBuilder configurationBuilder, DatabaseFacade database)
    {
        configurationBuilder.Properties<Currency>().HaveConversion<CurrencyCodeConverter>().HaveMaxLength(3);
        if (database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcInstantToTextConverter>();
        }
    }
}
