using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Billing.Benchmarks;

/// <summary>
/// The database a run measures (PERFORMANCE.md: each benchmark on each provider against that
/// provider's own baselines): a SQLite file in the run's folder, or, when <c>BILLING_BENCH_POSTGRES</c>
/// names a server (benchmarks/postgres.sh starts a throwaway one), a fresh database on it.
/// </summary>
internal sealed class BenchDatabase
{
    private BenchDatabase(string provider, string connectionString, string? sqlitePath)
    {
        Provider = provider;
        ConnectionString = connectionString;
        SqlitePath = sqlitePath;
    }

    public string Provider { get; }

    public bool OnPostgres => Provider == "postgres";

    public string ConnectionString { get; }

    /// <summary>The product's file on SQLite; null on PostgreSQL.</summary>
    public string? SqlitePath { get; }

    /// <summary>How the host under test reaches this database.</summary>
    public Dictionary<string, string> HostSettings => OnPostgres
        ? new() { ["Billing__Database__Provider"] = "postgres", ["ConnectionStrings__Billing"] = ConnectionString }
        : new() { ["ConnectionStrings__Billing"] = ConnectionString };

    public static async Task<BenchDatabase> CreateAsync(string work)
    {
        if (Environment.GetEnvironmentVariable("BILLING_BENCH_POSTGRES") is not { Length: > 0 } server)
        {
            var path = Path.Combine(work, "product.db");
            return new BenchDatabase("sqlite", $"Data Source={path}", path);
        }

        var name = "bench_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new BenchDatabase("postgres", new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString, null);
    }

    /// <summary>
    /// After the run: a PostgreSQL database is dropped, so a server kept between runs does not fill
    /// up with them (each run's holds over half a gigabyte). A SQLite file goes with its folder.
    /// </summary>
    public async Task DropAsync()
    {
        if (!OnPostgres)
        {
            return;
        }

        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        var name = builder.Database;
        builder.Database = "postgres";
        builder.Pooling = false;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>A module's table as this provider names it.</summary>
    public string Table(string module, string table) => OnPostgres ? $"{module}.{table}" : $"{module}_{table}";

    public async Task<DbConnection> OpenAsync()
    {
        DbConnection connection = OnPostgres
            ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString)
            : new SqliteConnection($"Data Source={SqlitePath};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 600;
        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L);
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync();
    }
}
