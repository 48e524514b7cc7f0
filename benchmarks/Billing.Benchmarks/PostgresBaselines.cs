using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace Billing.Benchmarks;

/// <summary>
/// The PostgreSQL run's physical limits, on the same server and durability settings as the product:
/// a table made LIKE the product's events table (same columns, identity and indexes, the idempotency
/// index included) in a schema of its own, written by plain SQL without the product in between.
/// </summary>
internal static class PostgresBaselines
{
    private const string Columns =
        "environment, event_id, customer_id, external_customer_id, event_name, timestamp_micros, properties, value_micros, unique_key, payload_hash, received_at";

    private const string Single =
        $"INSERT INTO baseline.usage_events ({Columns}) VALUES ('test', @id, 'cus_baseline', 'baseline', 'api_call', @ts, '{{\"n\":1}}', 1000000, NULL, 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', now())";

    private const string Many =
        $$"""
        INSERT INTO baseline.usage_events ({{Columns}})
        SELECT 'test', id, 'cus_baseline', 'baseline', 'api_call', ts, '{"n":1}', 1000000, NULL, 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', now()
        FROM unnest(@ids, @ts) AS e(id, ts)
        ON CONFLICT (environment, event_id) DO NOTHING
        """;

    public static async Task PrepareAsync(BenchDatabase database) =>
        await database.ExecuteAsync("CREATE SCHEMA baseline; CREATE TABLE baseline.usage_events (LIKE metering.usage_events INCLUDING ALL)");

    /// <summary>L_fsync: single-row auto-commit inserts per second.</summary>
    public static async Task<double> FsyncAsync(BenchDatabase database, int rows)
    {
        await using var connection = (NpgsqlConnection)await database.OpenAsync();
        await using var insert = new NpgsqlCommand(Single, connection);
        insert.Parameters.Add(new NpgsqlParameter<string>("id", string.Empty));
        insert.Parameters.Add(new NpgsqlParameter<long>("ts", 0L));
        await insert.PrepareAsync();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < rows; i++)
        {
            ((NpgsqlParameter<string>)insert.Parameters[0]).TypedValue = $"fsync-{i}";
            ((NpgsqlParameter<long>)insert.Parameters[1]).TypedValue = 1_700_000_000_000_000L + i;
            await insert.ExecuteNonQueryAsync();
        }

        return rows / clock.Elapsed.TotalSeconds;
    }

    /// <summary>L_raw(B): one multi-row <c>INSERT … ON CONFLICT</c> of B rows per transaction, rows already in memory.</summary>
    public static async Task<double> RawAsync(BenchDatabase database, int rows, int perTransaction)
    {
        await using var connection = (NpgsqlConnection)await database.OpenAsync();
        var batches = Enumerable.Range(0, (rows + perTransaction - 1) / perTransaction)
            .Select(batch => Enumerable.Range(batch * perTransaction, Math.Min(perTransaction, rows - (batch * perTransaction))).ToArray())
            .Select(batch => (Ids: batch.Select(i => $"raw-{perTransaction}-{i}").ToArray(), Timestamps: batch.Select(i => 1_700_000_000_000_000L + i).ToArray()))
            .ToList();
        var clock = Stopwatch.StartNew();
        foreach (var (ids, timestamps) in batches)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await using var insert = new NpgsqlCommand(Many, connection, transaction);
            insert.Parameters.Add(new NpgsqlParameter<string[]>("ids", ids) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            insert.Parameters.Add(new NpgsqlParameter<long[]>("ts", timestamps));
            await insert.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }

        return rows / clock.Elapsed.TotalSeconds;
    }

    /// <summary>L_scan beside the product's request, in turn, as <see cref="Baselines.ScanBesideAsync"/> does on SQLite; medians, ms.</summary>
    public static async Task<(double Product, double Scan)> ScanBesideAsync(
        BenchDatabase database, string customerId, long fromMicros, long toMicros, int repeats, Func<Task<double>> productOnce)
    {
        await using var connection = (NpgsqlConnection)await database.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT COUNT(*), SUM(value_micros) FROM metering.usage_events WHERE environment = 'test' AND customer_id = @c AND event_name = 'api_call' AND timestamp_micros >= @f AND timestamp_micros < @t",
            connection);
        command.Parameters.Add(new NpgsqlParameter<string>("c", customerId));
        command.Parameters.Add(new NpgsqlParameter<long>("f", fromMicros));
        command.Parameters.Add(new NpgsqlParameter<long>("t", toMicros));
        return await Baselines.TimeBesideAsync(command, repeats, productOnce);
    }
}
