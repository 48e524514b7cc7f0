using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;

namespace Billing.BuildingBlocks.Infrastructure.Persistence.Postgres;

/// <summary>
/// The PostgreSQL adapter's part of setting the database up, connecting to it and storing values in
/// it (docs-adr/0044): one data source (connection pool) per connection string for the process, a
/// schema per module, and the migrations written for this provider.
/// </summary>
public static class PostgresDatabase
{
    internal const string ProviderName = "Npgsql.EntityFrameworkCore.PostgreSQL";

    private static readonly ConcurrentDictionary<string, NpgsqlDataSource> DataSources = new();
    private static readonly ConcurrentDictionary<string, NpgsqlDataSource> ClaimDataSources = new();

    /// <summary>
    /// The pool a hot path takes raw connections from, shared with every EF context of the process.
    /// Nothing taken from it leaves state on its session (a claim's session lock comes from
    /// <see cref="ClaimDataSource"/>), so a connection going back to the pool is not reset with
    /// DISCARD ALL, which would also drop its prepared statements; the statements a connection runs
    /// often are prepared, so the server plans each shape once rather than once a request. A
    /// connection string that sets either keyword keeps its own value.
    /// </summary>
    public static NpgsqlDataSource DataSource(this BillingDatabaseOptions database) =>
        DataSources.GetOrAdd(database.ConnectionString, connectionString =>
        {
            var builder = new NpgsqlDataSourceBuilder(connectionString);
            var settings = builder.ConnectionStringBuilder;
            if (!Mentions(connectionString, "No Reset On Close", "NoResetOnClose"))
            {
                settings.NoResetOnClose = true;
            }

            if (!Mentions(connectionString, "Max Auto Prepare", "MaxAutoPrepare"))
            {
                settings.MaxAutoPrepare = 64;
            }

            return builder.Build();
        });

    /// <summary>
    /// The pool of the connections that hold a claim's session lock (<see cref="PostgresAdvisoryLock"/>):
    /// reset when they go back, so a lock whose release failed cannot outlive its claim on a reused connection.
    /// </summary>
    internal static NpgsqlDataSource ClaimDataSource(this BillingDatabaseOptions database) =>
        ClaimDataSources.GetOrAdd(database.ConnectionString, connectionString =>
            new NpgsqlDataSourceBuilder(new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = false, MaxAutoPrepare = 0 }.ConnectionString).Build());

    private static bool Mentions(string connectionString, params string[] keywords) =>
        keywords.Any(keyword => connectionString.Contains(keyword, StringComparison.OrdinalIgnoreCase));

    internal static DbContextOptionsBuilder Use(DbContextOptionsBuilder options, BillingDatabaseOptions database, string schema) =>
        options.UseNpgsql(database.DataSource(), npgsql => npgsql.MigrationsHistoryTable("__migrations", schema));

    /// <summary>The database is created when the server does not have it yet (the product creates its own database on start, as on SQLite).</summary>
    internal static async Task BeforeMigrationsAsync(BillingDatabaseOptions database, CancellationToken cancellationToken)
    {
        var target = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        try
        {
            await using var connection = new NpgsqlConnection(target.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            return;
        }
        catch (PostgresException missing) when (missing.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            // Made below, from the server's maintenance database.
        }

        await using var server = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        await server.OpenAsync(cancellationToken);
        try
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{target.Database!.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", server);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException exists) when (exists.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another instance starting at the same moment made it.
        }
    }

    /// <summary>A context's schema exists before its migrations run, so its history table has somewhere to go.</summary>
    internal static Task EnsureSchemaAsync(DbContext context, CancellationToken cancellationToken)
    {
        // The schema's name is the module's own, quoted by the provider; nothing here comes from a request.
        var create = "CREATE SCHEMA IF NOT EXISTS " + context.GetService<ISqlGenerationHelper>().DelimitIdentifier(context.Model.GetDefaultSchema()!);
        return context.Database.ExecuteSqlRawAsync(create, cancellationToken);
    }

    internal static async Task<long> CountSchemaObjectsAsync(BillingDatabaseOptions database, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource().CreateCommand(
            "SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// timestamptz stores instants, and Npgsql refuses an offset other than zero rather than guess;
    /// every instant is UTC (the rule of the product), so one that arrives with an offset is converted.
    /// numeric gives an amount back with its column's scale (10.20); it is read back as SQLite's
    /// adapter gives it (10.2), so an answer does not depend on the provider.
    /// </summary>
    internal static void AddConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcInstant>();
        configurationBuilder.Properties<decimal>().HaveConversion<TrimmedDecimal>();
    }

    /// <summary>
    /// An amount read from a numeric column in the form SQLite's adapter gives it back: without the
    /// trailing zeros the column's scale adds, and with at least one decimal place (10.20 → 10.2, 10.00 → 10.0).
    /// </summary>
    public static decimal Trimmed(decimal stored) => (stored / 1.0000000000000000000000000000m) + 0.0m;

    /// <summary>
    /// timestamptz keeps whole microseconds; a bound given in ticks is moved up to the next whole
    /// microsecond, so <c>&gt;=</c> and <c>&lt;</c> against stored instants select what they would at full precision.
    /// </summary>
    public static DateTimeOffset MicrosecondCeiling(DateTimeOffset bound)
    {
        var utc = bound.ToUniversalTime();
        var extra = utc.Ticks % TimeSpan.TicksPerMicrosecond;
        return extra == 0 ? utc : utc.AddTicks(TimeSpan.TicksPerMicrosecond - extra);
    }

    /// <summary>The configured Npgsql connection string; there is no default server.</summary>
    internal static (string ConnectionString, string DataDirectory) Normalize(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            throw new InvalidOperationException(
                $"{DatabaseProviders.Setting} is 'postgres', so ConnectionStrings:Billing must name the server (Host=…;Database=…;Username=…).");
        }

        try
        {
            return (new NpgsqlConnectionStringBuilder(configured).ConnectionString, Path.GetFullPath("data"));
        }
        catch (ArgumentException invalid)
        {
            throw new InvalidOperationException($"ConnectionStrings:Billing is not an Npgsql connection string: {invalid.Message}", invalid);
        }
    }

    /// <summary>Whether the failure is PostgreSQL refusing to serialize this transaction with another (retry it whole).</summary>
    internal static bool IsSerializationFailure(Exception failure)
    {
        for (var current = failure; current is not null; current = current.InnerException)
        {
            if (current is PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected })
            {
                return true;
            }
        }

        return false;
    }

    private sealed class UtcInstant() : ValueConverter<DateTimeOffset, DateTimeOffset>(instant => instant.ToUniversalTime(), stored => stored);

    private sealed class TrimmedDecimal() : ValueConverter<decimal, decimal>(amount => amount, stored => Trimmed(stored));
}
