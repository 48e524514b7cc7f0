using Microsoft.Data.Sqlite;

namespace Billing.BuildingBlocks.Infrastructure.Persistence.Sqlite;

/// <summary>
/// Tells SQLite's query planner what it cannot guess about our schema (docs-adr/0024). Without
/// statistics it assumes an equality on any index column picks out about ten rows. Every index here
/// leads with <c>environment</c>, which has at most two values, so a batch read by key —
/// <c>environment = ? AND id IN (…100 ids…)</c> — was planned as a walk over the whole environment
/// instead of 100 key lookups: a cycle's batch read every customer and subscription. SQLite lets an
/// application state its statistics in <c>sqlite_stat1</c> ("manual control of query plans"); we
/// write SQLite's own defaults for every index, except that an equality on a column with a handful
/// of values (<c>environment</c>, <c>status</c>) matches that share of the rows. Written at every
/// start, so new indexes are covered, rather than measured by ANALYZE, whose figures would go stale
/// as tables grow from empty.
/// </summary>
internal static class PlannerStatistics
{
    private const long AssumedRows = 1_000_000;

    // Columns with a handful of values, and about how many: an equality on one divides the rows by that.
    private static readonly Dictionary<string, long> FewValues = new(StringComparer.Ordinal)
    {
        ["environment"] = 2,
        ["status"] = 8,
    };

    // SQLite's defaults for the rows matching an equality on the first, second, … selective key column.
    private static readonly long[] DefaultMatches = [10, 9, 8, 7, 6];

    public static async Task WriteAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var indexes = await ReadIndexesAsync(connection, cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using (var reset = connection.CreateCommand())
        {
            reset.CommandText = "ANALYZE sqlite_schema; DELETE FROM sqlite_stat1;";
            await reset.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES ($table, $index, $stat)";
        var (table, name, stat) = (insert.Parameters.Add("$table", SqliteType.Text), insert.Parameters.Add("$index", SqliteType.Text), insert.Parameters.Add("$stat", SqliteType.Text));
        foreach (var index in indexes)
        {
            (table.Value, name.Value, stat.Value) = (index.Table, index.Name, Stat(index));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>"rows, then rows per distinct prefix of 1, 2, … key columns": the sqlite_stat1 format.</summary>
    internal static string Stat(IndexShape index)
    {
        var figures = new List<long> { AssumedRows };
        var selective = 0;
        foreach (var column in index.Columns)
        {
            figures.Add(FewValues.TryGetValue(column, out var values) && figures[^1] >= DefaultMatches[0] * values
                ? figures[^1] / values
                : selective < DefaultMatches.Length ? DefaultMatches[selective++] : 5);
        }

        if (index.Unique)
        {
            figures[^1] = 1;
        }

        return string.Join(' ', figures);
    }

    private static async Task<List<IndexShape>> ReadIndexesAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT tables.name, indexes.name, indexes."unique", columns.name
            FROM sqlite_schema tables
            JOIN pragma_index_list(tables.name) indexes
            JOIN pragma_index_info(indexes.name) columns
            WHERE tables.type = 'table' AND tables.name NOT LIKE 'sqlite_%'
            ORDER BY tables.name, indexes.name, columns.seqno
            """;
        var indexes = new List<IndexShape>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var (table, name) = (reader.GetString(0), reader.GetString(1));
            if (indexes.Count == 0 || indexes[^1].Name != name || indexes[^1].Table != table)
            {
                indexes.Add(new IndexShape(table, name, reader.GetInt64(2) == 1, []));
            }

            // An index on an expression has no column name.
            indexes[^1].Columns.Add(reader.IsDBNull(3) ? string.Empty : reader.GetString(3));
        }

        return indexes;
    }

    internal sealed record IndexShape(string Table, string Name, bool Unique, List<string> Columns);
}
