using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using SQLitePCL;

namespace Billing.BuildingBlocks.Infrastructure.Persistence.Sqlite;

/// <summary>
/// docs-adr/0026: the rows a unit of work adds, written with one prepared insert per table instead
/// of one EF Core command each. EF Core's SQLite provider sends every insert as its own command and
/// Microsoft.Data.Sqlite prepares each again; a cycle's batch adds hundreds of invoices, lines, audit
/// entries and outbox messages, and that preparation and command machinery was about half of saving
/// them. Values go through EF Core's converters into the forms EF Core stores them in, bound by
/// position (<see cref="StoredForm"/>, docs-adr/0028). Only inside a transaction (the
/// unit of work's), so a failure later in the save rolls these rows back with everything else, and
/// only for plain tables: an entity type with a complex property, inheritance, table splitting, a
/// relationship other than ownership, a concurrency token, a store-generated value other than an
/// integer key, or a column with no stored form here is left to EF Core, as is every save that deletes anything (<see cref="ModuleDbContext"/>).
/// </summary>
internal static class AddedRows
{
    private static readonly ConcurrentDictionary<IEntityType, TableInsert?> Inserts = new();

    /// <summary>Inserts the added rows it can and marks them saved; EF Core saves the rest. Answers how many it wrote.</summary>
    public static int Insert(SqliteTransaction transaction, IEnumerable<EntityEntry> added)
    {
        var written = 0;
        foreach (var group in added.GroupBy(entry => entry.Metadata).OrderBy(group => OwnershipDepth(group.Key)))
        {
            if (Inserts.GetOrAdd(group.Key, TableInsert.For) is { } insert)
            {
                written += insert.Write(transaction, group);
            }
        }

        return written;
    }

    /// <summary>Whether rows of this type are written here (docs-adr/0026): a plain table of its own; see <see cref="TableInsert.For"/>.</summary>
    public static bool IsPlainTable(IEntityType entityType) => Inserts.GetOrAdd(entityType, TableInsert.For) is not null;

    private static int OwnershipDepth(IEntityType entityType)
    {
        var depth = 0;
        for (var type = entityType; type.FindOwnership() is { } ownership; type = ownership.PrincipalEntityType)
        {
            depth++;
        }

        return depth;
    }

    /// <summary>One table's insert: its columns, their mappings, and the integer key SQLite assigns, if any.</summary>
    private sealed class TableInsert
    {
        private readonly string _sql;
        private readonly IProperty[] _columns;
        private readonly IProperty? _rowIdKey;

        private TableInsert(string sql, IProperty[] columns, IProperty? rowIdKey)
        {
            _sql = sql;
            _columns = columns;
            _rowIdKey = rowIdKey;
        }

        public static TableInsert? For(IEntityType entityType)
        {
            if (entityType.GetTableName() is not { } table || entityType.GetSchema() is not null
                || entityType.BaseType is not null || entityType.GetDirectlyDerivedTypes().Any()
                || entityType.GetComplexProperties().Any()
                || entityType.GetProperties().Any(property => property.IsConcurrencyToken)
                || entityType.GetForeignKeys().Any(foreignKey => !foreignKey.IsOwnership)
                || entityType.GetReferencingForeignKeys().Any(foreignKey => !foreignKey.IsOwnership)
                || (entityType.FindOwnership() is { } ownership
                    && (ownership.PrincipalEntityType.GetTableName() == table || Inserts.GetOrAdd(ownership.PrincipalEntityType, For) is null)))
            {
                // An owned row is written here only if its owner's are: an owner left to EF Core is inserted after these.
                return null;
            }

            var storeObject = StoreObjectIdentifier.Table(table);
            var key = entityType.FindPrimaryKey()!.Properties;
            IProperty? rowIdKey = null;
            var columns = new List<IProperty>();
            foreach (var property in entityType.GetProperties())
            {
                if (property.GetColumnName(storeObject) is null || StoredForm.Of(property) is null)
                {
                    return null;
                }

                if (property.ValueGenerated == ValueGenerated.Never)
                {
                    columns.Add(property);
                }
                else if (key is [var only] && only == property && property.ClrType == typeof(long) && property.ValueGenerated == ValueGenerated.OnAdd)
                {
                    rowIdKey = property;
                }
                else
                {
                    return null;
                }
            }

            var names = string.Join(", ", columns.Select(column => $"\"{column.GetColumnName(storeObject)}\""));
            var values = string.Join(", ", columns.Select((_, index) => $"?{index + 1}"));
            return new TableInsert($"INSERT INTO \"{table}\" ({names}) VALUES ({values})", [.. columns], rowIdKey);
        }

        public int Write(SqliteTransaction transaction, IEnumerable<EntityEntry> entries)
        {
            // Prepared once for every row of the table in this save.
            using var command = new SaveCommand(transaction, _sql, _columns);
            var written = 0;
            foreach (var entry in entries)
            {
                var values = entry.CurrentValues;
                for (var i = 0; i < _columns.Length; i++)
                {
                    command.Set(i, values[_columns[i]]);
                }

                command.Execute();
                if (_rowIdKey is not null)
                {
                    var key = entry.Property(_rowIdKey);
                    key.CurrentValue = raw.sqlite3_last_insert_rowid(transaction.Connection!.Handle);
                    key.IsTemporary = false;
                }

                entry.State = EntityState.Unchanged;
                written++;
            }

            return written;
        }
    }
}
