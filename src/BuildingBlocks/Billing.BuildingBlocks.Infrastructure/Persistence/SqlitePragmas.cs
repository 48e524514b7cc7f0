using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Billing.BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// Per-connection SQLite settings (docs-adr/0007): <c>synchronous=FULL</c> so a commit is on disk
/// before it is acknowledged, even across a power loss; a busy timeout so writers queue for the
/// single write lock instead of failing. WAL itself is a property of the file, set at start.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public const string PerConnection = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";

    public static readonly SqlitePragmas Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = PerConnection;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = PerConnection;
        command.ExecuteNonQuery();
    }
}
