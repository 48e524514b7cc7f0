using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Billing.BuildingBlocks.Infrastructure.Persistence.Sqlite;

/// <summary>
/// A statement prepared once and run many times through SQLite's own API, for the hot paths
/// (docs-adr/0018, 0025). Microsoft.Data.Sqlite prepares a command's statement again whenever its
/// connection is reopened and looks every named parameter up again on each execution; on the
/// ingestion path and the invoice list that cost more than the work itself. Columns are read
/// in place as UTF-8, without a string unless one is asked for.
/// </summary>
public sealed class PreparedStatement : IDisposable
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

    public void BindReal(int position, double value) => Check(raw.sqlite3_bind_double(_statement, position, value));

    public void BindBlob(int position, ReadOnlySpan<byte> blob) => Check(raw.sqlite3_bind_blob(_statement, position, blob));

    public void BindNull(int position) => Check(raw.sqlite3_bind_null(_statement, position));

    /// <summary>Binds a named parameter (<c>$name</c>); a name the statement lacks is a programming error.</summary>
    public void Bind(string name, string? value) => Bind(PositionOf(name), value);

    public void Bind(string name, long? value) => Bind(PositionOf(name), value);

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
            return Read() ? Text(0) : null;
        }
        finally
        {
            Reset();
        }
    }

    /// <summary>
    /// Moves to the next row of a query: false once there is none. The caller resets the statement
    /// when done (in a finally): until then it holds a read transaction open in WAL.
    /// </summary>
    public bool Read()
    {
        var result = raw.sqlite3_step(_statement);
        if (result == raw.SQLITE_ROW)
        {
            return true;
        }

        if (result != raw.SQLITE_DONE)
        {
            Check(result);
        }

        return false;
    }

    public bool IsNull(int column) => raw.sqlite3_column_type(_statement, column) == raw.SQLITE_NULL;

    /// <summary>A text column's UTF-8 bytes in place: valid until the next <see cref="Read"/> or <see cref="Reset"/>.</summary>
    public ReadOnlySpan<byte> Utf8(int column) => raw.sqlite3_column_blob(_statement, column);

    public string? Text(int column) => IsNull(column) ? null : Encoding.UTF8.GetString(Utf8(column));

    public long Int64(int column) => raw.sqlite3_column_int64(_statement, column);

    /// <summary>Ends the run (and its read transaction) and forgets the bound values, ready for the next.</summary>
    public void Reset()
    {
        raw.sqlite3_reset(_statement);
        raw.sqlite3_clear_bindings(_statement);
    }

    public void Dispose() => _statement.Dispose();

    private int PositionOf(string name)
    {
        var position = raw.sqlite3_bind_parameter_index(_statement, name);
        return position > 0 ? position : throw new ArgumentException($"The statement has no parameter {name}.", nameof(name));
    }

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(_database).utf8_to_string(), result, raw.sqlite3_extended_errcode(_database));
        }
    }
}
