using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Billing.Metering.Infrastructure.Usage;

/// <summary>
/// A statement prepared once and bound by position through SQLite's own API. Microsoft.Data.Sqlite
/// looks every named parameter up again on each execution; on the ingestion path, eleven parameters
/// for every event, that lookup cost more than the insert itself (docs-adr/0018).
/// </summary>
internal sealed class PreparedStatement : IDisposable
{
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;

    public PreparedStatement(SqliteConnection connection, string sql)
    {
        _database = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v2(_database, sql, out _statement));
    }

    public void Bind(int position, string? value) =>
        Check(value is null ? raw.sqlite3_bind_null(_statement, position) : raw.sqlite3_bind_text(_statement, position, value));

    public void Bind(int position, long? value) =>
        Check(value is null ? raw.sqlite3_bind_null(_statement, position) : raw.sqlite3_bind_int64(_statement, position, value.Value));

    /// <summary>Runs a statement that returns no rows; answers how many rows it changed.</summary>
    public int Execute()
    {
        var result = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (result != raw.SQLITE_DONE)
        {
            Check(result);
        }

        return raw.sqlite3_changes(_database);
    }

    /// <summary>Runs a query; answers the first column of its first row as text, or null.</summary>
    public string? FirstText()
    {
        try
        {
            var result = raw.sqlite3_step(_statement);
            if (result == raw.SQLITE_ROW)
            {
                return raw.sqlite3_column_text(_statement, 0).utf8_to_string();
            }

            if (result != raw.SQLITE_DONE)
            {
                Check(result);
            }

            return null;
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    public void Dispose() => _statement.Dispose();

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(_database).utf8_to_string(), result);
        }
    }
}
