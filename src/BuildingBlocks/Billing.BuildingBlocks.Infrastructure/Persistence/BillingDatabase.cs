using Billing.BuildingBlocks.Domain.Monetary;
using Billing.BuildingBlocks.Infrastructure.Persistence.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Billing.BuildingBlocks.Infrastructure.Persistence;

public static class BillingDatabase
{
    /// <summary>
    /// OPS-1: the database is created and migrated on start: the provider prepares the database,
    /// every module applies its own migrations, then the provider finishes (on SQLite: WAL first,
    /// the query planner's statistics last, docs-adr/0024).
    /// </summary>
    public static async Task MigrateBillingDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var options = services.GetRequiredService<BillingDatabaseOptions>();
        await SqliteDatabase.BeforeMigrationsAsync(options, cancellationToken);

        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BillingDatabase));
        foreach (var database in services.GetServices<IModuleDatabase>())
        {
            await using var scope = services.CreateAsyncScope();
            await database.MigrateAsync(scope.ServiceProvider, cancellationToken);
            logger.LogInformation("Database schema of {Module} is up to date", database.Module);
        }

        await SqliteDatabase.AfterMigrationsAsync(options, cancellationToken);
    }

    /// <summary>OPS-3: how many schema objects the database answers with; throws when it does not answer.</summary>
    public static Task<long> CountSchemaObjectsAsync(this BillingDatabaseOptions database, CancellationToken cancellationToken) =>
        SqliteDatabase.CountSchemaObjectsAsync(database, cancellationToken);

    /// <summary>The product's database for a context: its provider, its own migrations history table, its connection settings.</summary>
    public static DbContextOptionsBuilder UseBillingDatabase(this DbContextOptionsBuilder options, BillingDatabaseOptions database, string schema) =>
        SqliteDatabase.Use(options, database, schema);

    /// <summary>How shared value types are stored, the same in every context.</summary>
    public static void UseBillingConventions(this ModelConfigurationBuilder configurationBuilder, DatabaseFacade database)
    {
        configurationBuilder.Properties<Currency>().HaveConversion<CurrencyCodeConverter>().HaveMaxLength(3);
        SqliteDatabase.AddConventions(configurationBuilder, database);
    }
}
