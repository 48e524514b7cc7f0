using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Billing.Benchmarks;

/// <summary>
/// The physical limits, measured in the same run on the same disk, with the product's own schema
/// and indexes (a copy of the migrated database) and its durability settings (WAL, synchronous=FULL).
/// </summary>
internal static class Baselines
{
    private const string Insert =
        "INSERT INTO metering_usage_events (environment, event_id, customer_id, external_customer_id, event_name, timestamp_micros, properties, value_micros, unique_key, payload_hash, received_at) " +
        "VALUES ('test', $id, 'cus_baseline', 'baseline', 'api_call', $ts, '{\"n\":1}', 1000000, NULL, 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', '2026-11-21T00:00:00.0000000Z')";

    public static async Task<SqliteConnection> OpenAsync(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var pragmas = connection.CreateCommand();
        pragmas.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000;";
        await pragmas.ExecuteNonQueryAsync();
        return connection;
    }

    /// <summary>L_fsync: single-row auto-commit inserts per second.</summary>
    public static async Task<double> FsyncAsync(string path, int rows)
    {
        await using var connection = await OpenAsync(path);
        await using var insert = Prepared(connection, null);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < rows; i++)
        {
            insert.Parameters[0].Value = $"fsync-{i}";
            insert.Parameters[1].Value = 1_700_000_000_000_000L + i;
            await insert.ExecuteNonQueryAsync();
        }

        return rows / clock.Elapsed.TotalSeconds;
    }

    /// <summary>L_raw(B): one prepared, reused insert, B rows per transaction, rows already in memory.</summary>
    public static async Task<double> RawAsync(string path, int rows, int perTransaction)
    {
        var ids = Enumerable.Range(0, rows).Select(i => $"raw-{perTransaction}-{i}").ToArray();
        await using var connection = await OpenAsync(path);
        var clock = Stopwatch.StartNew();
        for (var start = 0; start < rows; start += perTransaction)
        {
            await using var transaction = connection.BeginTransaction();
            await using var insert = Prepared(connection, transaction);
            for (var i = start; i < Math.Min(rows, start + perTransaction); i++)
            {
                insert.Parameters[0].Value = ids[i];
                insert.Parameters[1].Value = 1_700_000_000_000_000L + i;
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        return rows / clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// L_scan, the plain aggregate over one customer, meter and range on the product's index, timed in
    /// turn with one product request each round, so both see the same machine and page cache; medians, ms.
    /// </summary>
    public static async Task<(double Product, double Scan)> ScanBesideAsync(
        string path, string customerId, long fromMicros, long toMicros, int repeats, Func<Task<double>> productOnce)
    {
        await using var connection = await OpenAsync(path);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*), SUM(value_micros) FROM metering_usage_events WHERE environment = 'test' AND customer_id = $c AND event_name = 'api_call' AND timestamp_micros >= $f AND timestamp_micros < $t";
        command.Parameters.AddWithValue("$c", customerId);
        command.Parameters.AddWithValue("$f", fromMicros);
        command.Parameters.AddWithValue("$t", toMicros);
        return await TimeBesideAsync(command, repeats, productOnce);
    }

    /// <summary>
    /// A plain statement timed in turn with one product request each round, so both see the same
    /// machine and cache; medians, ms. Used by each provider's L_scan.
    /// </summary>
    public static async Task<(double Product, double Scan)> TimeBesideAsync(DbCommand command, int repeats, Func<Task<double>> productOnce)
    {
        var (product, scan) = (new List<double>(), new List<double>());
        for (var i = 0; i < repeats; i++)
        {
            product.Add(await productOnce());
            var clock = Stopwatch.StartNew();
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            scan.Add(clock.Elapsed.TotalMilliseconds);
        }

        return (Median(product), Median(scan));
    }

    public static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }

    private static SqliteCommand Prepared(SqliteConnection connection, SqliteTransaction? transaction)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Insert;
        command.Parameters.Add(new SqliteParameter("$id", null));
        command.Parameters.Add(new SqliteParameter("$ts", null));
        command.Prepare();
        return command;
    }
}
