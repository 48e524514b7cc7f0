using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Billing.Testing;

/// <summary>
/// The provider of this test pass (issue 17 §5): SQLite unless <c>BILLING_TEST_PROVIDER=postgres</c>,
/// in which case <c>BILLING_TEST_POSTGRES</c> names the throwaway server test.sh started. A test names
/// its database by a file path, as it always has; on PostgreSQL the path maps to a database of its own
/// on that server, so two hosts given the same path share one database, as two processes share a file.
/// </summary>
public static class TestDatabases
{
    public static bool OnPostgres { get; } =
        string.Equals(Environment.GetEnvironmentVariable("BILLING_TEST_PROVIDER"), "postgres", StringComparison.OrdinalIgnoreCase);

    public static string ProviderName => OnPostgres ? "postgres" : "sqlite";

    /// <summary>The settings that point a host at the database of <paramref name="path"/> (created on PostgreSQL when missing).</summary>
    public static Dictionary<string, string?> SettingsFor(string path)
    {
        if (!OnPostgres)
        {
            return new() { ["ConnectionStrings:Billing"] = $"Data Source={path}" };
        }

        Create(path);
        return new()
        {
            ["Billing:Database:Provider"] = "postgres",
            ["ConnectionStrings:Billing"] = ConnectionStringFor(path),
        };
    }

    /// <summary>The connection string of the database of <paramref name="path"/> on this pass's provider.</summary>
    public static string ConnectionStringFor(string path) =>
        OnPostgres
            ? new NpgsqlConnectionStringBuilder(Server) { Database = NameOf(path) }.ConnectionString
            : $"Data Source={path}";

    /// <summary>Removes the database of <paramref name="path"/> (its files, or its PostgreSQL database with any connection left to it).</summary>
    public static void Drop(string path)
    {
        if (!OnPostgres)
        {
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }

            return;
        }

        Execute($"DROP DATABASE IF EXISTS \"{NameOf(path)}\" WITH (FORCE)");
    }

    /// <summary>A module's table as this pass's provider names it: <c>invoicing_invoices</c> or <c>invoicing.invoices</c>.</summary>
    public static string Table(string module, string table) => OnPostgres ? $"{module}.{table}" : $"{module}_{table}";

    /// <summary>Every row a statement reads from the database of <paramref name="path"/>, read without the product's code.</summary>
    public static async Task<List<object?[]>> RowsAsync(string path, string sql)
    {
        await using DbConnection connection = OnPostgres
            ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionStringFor(path)) { Pooling = false }.ConnectionString)
            : new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            reader.GetValues(row!);
            rows.Add(row.Select(value => value is DBNull ? null : value).ToArray());
        }

        return rows;
    }

    /// <summary>The first column of the first row, as a number (a count, a sum, a sequence).</summary>
    public static async Task<long> ScalarAsync(string path, string sql) =>
        (await RowsAsync(path, sql)).FirstOrDefault()?[0] is { } value ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) : 0L;

    private static string Server =>
        Environment.GetEnvironmentVariable("BILLING_TEST_POSTGRES")
        ?? throw new InvalidOperationException("BILLING_TEST_PROVIDER=postgres needs BILLING_TEST_POSTGRES, the server's connection string (test.sh starts one).");

    private static void Create(string path)
    {
        try
        {
            Execute($"CREATE DATABASE \"{NameOf(path)}\"");
        }
        catch (PostgresException exists) when (exists.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another host of the same test made it first.
        }
    }

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static string NameOf(string path) =>
        "billing_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(path))))[..32];
}
