using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;

namespace Billing.BuildingBlocks.Infrastructure.Persistence.Sqlite;

/// <summary>
/// The SQLite adapter's writer for a module context's save: the rows of tables marked
/// <see cref="BulkWrites"/>, when the context's options say bulk writes are on (docs-adr/0043);
/// EF Core saves the rest.
/// </summary>
internal static class PreparedRows
{
    /// <summary>
    /// docs-adr/0026: inside a unit of work's transaction, added and changed rows of plain tables are
    /// written with statements prepared once per table; EF Core saves the rest. A save that deletes
    /// anything is left to EF Core whole: a replaced owned row (deleted and added under one key) is
    /// an update to it.
    /// </summary>
    public static int Write(DbContext context)
    {
        if (!context.Database.IsSqlite() || context.Database.CurrentTransaction?.GetDbTransaction() is not SqliteTransaction transaction
            || !BulkWritesOn.In(context))
        {
            return 0;
        }

        // One look at the tracker for both kinds of row.
        var (added, modified) = (new List<EntityEntry>(), new List<EntityEntry>());
        foreach (var entry in context.ChangeTracker.Entries())
        {
            switch (entry.State)
            {
                case EntityState.Deleted:
                    return 0;
                case EntityState.Added when BulkWrites.Of(entry.Metadata):
                    added.Add(entry);
                    break;
                case EntityState.Modified when BulkWrites.Of(entry.Metadata):
                    modified.Add(entry);
                    break;
            }
        }

        try
        {
            return AddedRows.Insert(transaction, added) + ModifiedRows.Update(transaction, modified);
        }
        catch (SqliteException exception)
        {
            // As EF Core reports a failed save, so callers see one kind of failure whichever wrote the row.
            throw new DbUpdateException("An error occurred while saving the entity changes. See the inner exception for details.", exception);
        }
    }
}
