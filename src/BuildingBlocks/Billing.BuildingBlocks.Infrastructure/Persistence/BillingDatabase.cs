using Billing.BuildingBlocks.Domain.Monetary;
using Billing.BuildingBlocks.Infrastructure.Persistence.Postgres;
using Billing.BuildingBlocks.Infrastructure.Persistence.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Billing.BuildingBlocks.Infrastructure.Persistence;

/// <summary>The product's database, whichever provider holds it (docs-adr/0044); each provider's own code is in its adapter folder.</summary>
public static class BillingDatabase
{
    /// <summary>
    /// OPS-1: the database is created and migrated on start: the provider prepares the database,
    /// every module applies its own migrations, then the provider finishes (on SQLite: WAL first,
    /// the query planner's statistics last, docs-adr/0024). Instances starting together migrate one
    /// after the other (docs-adr/0046): the first applies what is missing, the next finds nothing to do.
    /// </summary>
    public static async Task MigrateBillingDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var options = services.GetRequiredService<BillingDatabaseOptions>();
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            await SqliteDatabase.BeforeMigrationsAsync(options, cancellationToken);
        }
        else
        {
            await PostgresDatabase.BeforeMigrationsAsync(options, cancellationToken);
        }

        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BillingDatabase));
        await using var claim = await services.GetRequiredService<WorkClaims>().ClaimAsync("migrations", cancellationToken);
        foreach (var database in services.GetServices<IModuleDatabase>())
        {
            await using var scope = services.CreateAsyncScope();
            await database.MigrateAsync(scope.ServiceProvider, cancellationToken);
            logger.LogInformation("Database schema of {Module} is up to date", database.Module);
        }

        if (options.Provider == DatabaseProvider.Sqlite)
        {
            await SqliteDatabase.AfterMigrationsAsync(options, cancellationToken);
        }
    }

    /// <summary>One context's migrations for the provider it runs on (on PostgreSQL its schema first, where its history table goes).</summary>
    public static async Task MigrateSchemaAsync(this DbContext context, CancellationToken cancellationToken)
    {
        if (IsPostgres(context.Database))
        {
            await PostgresDatabase.EnsureSchemaAsync(context, cancellationToken);
        }

        await context.Database.MigrateAsync(cancellationToken);
    }

    /// <summary>OPS-3: how many schema objects the database answers with; throws when it does not answer.</summary>
    public static Task<long> CountSchemaObjectsAsync(this BillingDatabaseOptions database, CancellationToken cancellationToken) =>
        database.Provider == DatabaseProvider.Postgres
            ? PostgresDatabase.CountSchemaObjectsAsync(database, cancellationToken)
            : SqliteDatabase.CountSchemaObjectsAsync(database, cancellationToken);

    /// <summary>
    /// The product's database for a context: its provider, its own migrations history table, its
    /// connection settings, and only the migrations written for that provider.
    /// </summary>
    /// A failed command, save or transaction is logged by EF Core at Debug only: it reaches its caller
    /// as an exception, which is answered (a 409, a retried serialization failure) or logged once as
    /// unexpected by whoever ran the command.
    public static DbContextOptionsBuilder UseBillingDatabase(this DbContextOptionsBuilder options, BillingDatabaseOptions database, string schema) =>
        (database.Provider == DatabaseProvider.Postgres
            ? PostgresDatabase.Use(options, database, schema)
            : SqliteDatabase.Use(options, database, schema))
        .ReplaceService<IMigrationsAssembly, ProviderMigrations>()
        .ConfigureWarnings(events => events.Log(
            (CoreEventId.SaveChangesFailed, LogLevel.Debug),
            (RelationalEventId.CommandError, LogLevel.Debug),
            (RelationalEventId.TransactionError, LogLevel.Debug),
            (RelationalEventId.ConnectionError, LogLevel.Debug)));

    /// <summary>How shared value types are stored, the same in every context.</summary>
    public static void UseBillingConventions(this ModelConfigurationBuilder configurationBuilder, DatabaseFacade database)
    {
        configurationBuilder.Properties<Currency>().HaveConversion<CurrencyCodeConverter>().HaveMaxLength(3);
        if (IsPostgres(database))
        {
            PostgresDatabase.AddConventions(configurationBuilder);
        }
        else
        {
            SqliteDatabase.AddConventions(configurationBuilder, database);
        }
    }

    /// <summary>
    /// Where a context's tables live: on SQLite, one file, every table named with its module's prefix
    /// (<c>invoicing_invoices</c>); on PostgreSQL, a schema per module and the name without the prefix
    /// (<c>invoicing.invoices</c>). Called last in a context's model building.
    /// </summary>
    public static void UseBillingTables(this ModelBuilder modelBuilder, string schema, DatabaseFacade database)
    {
        if (!IsPostgres(database))
        {
            return;
        }

        modelBuilder.HasDefaultSchema(schema);
        var prefix = schema + "_";
        foreach (var entityType in modelBuilder.Model.GetEntityTypes())
        {
            if (entityType.GetTableName() is { } table && table.StartsWith(prefix, StringComparison.Ordinal))
            {
                entityType.SetTableName(table[prefix.Length..]);
            }
        }
    }

    /// <summary>Whether a failure is the database refusing to serialize the transaction with another, so the whole command may run again.</summary>
    internal static bool MayRetry(DatabaseFacade database, Exception failure) =>
        IsPostgres(database) && PostgresDatabase.IsSerializationFailure(failure);

    internal static bool IsPostgres(DatabaseFacade database) => database.ProviderName == PostgresDatabase.ProviderName;
}
