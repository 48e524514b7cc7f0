using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Billing.BuildingBlocks.Infrastructure.Persistence.Sqlite;

/// <summary>
/// docs-adr/0026, for updates: the rows a unit of work changes, written with one prepared
/// <c>UPDATE</c> per table and set of changed columns (a cycle's batch changes the same columns of
/// a hundred subscriptions or invoices), inside its transaction, on the same plain tables as
/// <see cref="AddedRows"/> (never one with a concurrency token). A row that is not there any more
/// fails the save, as EF Core's own update does.
/// </summary>
internal static class ModifiedRows
{
    private static readonly ConcurrentDictionary<(IEntityType, string), string> Statements = new();

    /// <summary>Updates the changed rows of plain tables and marks them saved; EF Core saves the rest. Answers how many it wrote.</summary>
    public static int Update(SqliteTransaction transaction, IEnumerable<EntityEntry> modified)
    {
        var written = 0;
        var changedRows = modified
            .Where(entry => AddedRows.IsPlainTable(entry.Metadata))
            .Select(entry => (Entry: entry, Changed: entry.Properties.Where(property => property.IsModified).Select(property => property.Metadata).ToArray()))
            .Where(row => row.Changed.Length > 0);
        foreach (var group in changedRows.GroupBy(row => (row.Entry.Metadata, string.Join(',', row.Changed.Select(property => property.Name)))))
        {
            var changed = group.First().Changed;
            var key = group.Key.Metadata.FindPrimaryKey()!.Properties;
            var sql = Statements.GetOrAdd(group.Key, _ => Sql(group.Key.Metadata, changed, key));
            written += Write(transaction, sql, [.. changed, .. key], changed.Length, group.Select(row => row.Entry));
        }

        return written;
    }

    private static string Sql(IEntityType entityType, IProperty[] changed, IReadOnlyList<IProperty> key)
    {
        var table = entityType.GetTableName()!;
        var storeObject = StoreObjectIdentifier.Table(table);
        var set = string.Join(", ", changed.Select((property, index) => $"\"{property.GetColumnName(storeObject)}\" = ?{index + 1}"));
        var where = string.Join(" AND ", key.Select((property, index) => $"\"{property.GetColumnName(storeObject)}\" = ?{changed.Length + index + 1}"));
        return $"UPDATE \"{table}\" SET {set} WHERE {where}";
    }

    private static int Write(SqliteTransaction transaction, string sql, IProperty[] columns, int changedCount, IEnumerable<EntityEntry> entries)
    {
        // Prepared once for every row of the group.
        using var command = new SaveCommand(transaction, sql, columns);
        var written = 0;
        foreach (var entry in entries)
        {
            // Read through the entry's value sets: a PropertyEntry for each column of each row cost more than binding it.
            var (current, original) = (entry.CurrentValues, entry.OriginalValues);
            for (var i = 0; i < columns.Length; i++)
            {
                // New values for the changed columns; the key as it was read.
                command.Set(i, i < changedCount ? current[columns[i]] : original[columns[i]]);
            }

            if (command.Execute() != 1)
            {
                throw new DbUpdateConcurrencyException(
                    $"A {entry.Metadata.ClrType.Name} to update was not found: it was deleted or changed since it was read.");
            }

            for (var i = 0; i < changedCount; i++)
            {
                original[columns[i]] = current[columns[i]];
            }

            entry.State = EntityState.Unchanged;
            written++;
        }

        return written;
    }
}
