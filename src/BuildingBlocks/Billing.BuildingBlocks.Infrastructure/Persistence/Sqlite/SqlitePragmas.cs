using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Billing.BuildingBlocks.Infrastructure.Persistence.Sqlite;

/// <summary>
/// Per-connection SQLite settings (docs-adr/0007): <c>synchronous=FULL</c> so a commit is on disk
/// before it is acknowledged, even across a power loss; a busy timeout so writers queue for the
/// single write lock instead of failing. WAL itself is a property of the file, set at start.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public const string PerConnection = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";

    public static readonly SqlitePragmas Instance = new();

    // Pooled connections are opened again and again; the settings stick to the physical
    // connection, so they are applied once per SQLite handle, not on every open.
    private static readonly ConditionalWeakTable<object, object> Applied = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    /// <summary>Applies the settings to a connection just opened, unless its physical connection has them.</summary>
    public static void Apply(DbConnection connection)
    {
        var handle = (object?)(connection as SqliteConnection)?.Handle ?? connection;
        if (Applied.TryGetValue(handle, out _))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = PerConnection;
        command.ExecuteNonQuery();
        Applied.AddOrUpdate(handle, handle);
    }
}
