using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Billing.BuildingBlocks.Infrastructure.Persistence.Sqlite;

/// <summary>
/// Connections kept open for hot reads, each with its statements prepared once (docs-adr/0025): a
/// page read thousands of times a second spent a tenth of its time preparing the same statement.
/// A connection is lent to one read at a time; a read that finds none idle opens another, and at
/// most <see cref="KeptIdle"/> are kept, so a burst does not hold connections (and their page
/// caches) for ever. In WAL each statement reads the latest commit when it starts.
/// </summary>
public sealed class ReadConnections(BillingDatabaseOptions database) : IDisposable
{
    public const int KeptIdle = 8;

    private readonly ConcurrentBag<ReadConnection> _idle = [];
    private volatile bool _disposed;

    /// <summary>A connection for this read alone; dispose it to give it back.</summary>
    public ReadConnection Rent()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _idle.TryTake(out var connection) ? connection : new ReadConnection(this, database.OpenConnection());
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var connection))
        {
            connection.Close();
        }
    }

    internal void Return(ReadConnection connection)
    {
        if (_disposed || _idle.Count >= KeptIdle)
        {
            connection.Close();
            return;
        }

        _idle.Add(connection);

        // Disposed while this one was being given back: nothing will take it again.
        if (_disposed && _idle.TryTake(out var late))
        {
            late.Close();
        }
    }
}

/// <summary>One open connection of <see cref="ReadConnections"/> and the statements prepared on it.</summary>
public sealed class ReadConnection : IDisposable
{
    private readonly ReadConnections _owner;
    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, PreparedStatement> _statements = new(StringComparer.Ordinal);

    internal ReadConnection(ReadConnections owner, SqliteConnection connection)
    {
        _owner = owner;
        _connection = connection;
    }

    /// <summary>
    /// The statement for this text, prepared on first use and kept with the connection, so texts come
    /// from a fixed set (values are bound, never written into the text). Reset it when done (see
    /// <see cref="PreparedStatement.Read"/>).
    /// </summary>
    public PreparedStatement Statement(string sql)
    {
        if (!_statements.TryGetValue(sql, out var statement))
        {
            statement = new PreparedStatement(_connection, sql);
            _statements.Add(sql, statement);
        }

        return statement;
    }

    /// <summary>Gives the connection back for the next read.</summary>
    public void Dispose() => _owner.Return(this);

    internal void Close()
    {
        foreach (var statement in _statements.Values)
        {
            statement.Dispose();
        }

        _statements.Clear();
        _connection.Dispose();
    }
}
