using Microsoft.Data.Sqlite;

namespace Billing.BuildingBlocks.Infrastructure.Persistence.Sqlite;

/// <summary>
/// SQLite names a broken unique key by its columns: <c>UNIQUE constraint failed: customers_customers.environment,
/// customers_customers.external_id</c> (extended code SQLITE_CONSTRAINT_UNIQUE, 2067).
/// </summary>
internal static class SqliteUniqueViolation
{
    private const int ConstraintUnique = 2067;
    private const string Prefix = "UNIQUE constraint failed: ";

    public static bool TryRead(Exception? failure, out string table, out IReadOnlyList<string> columns)
    {
        (table, columns) = (string.Empty, []);
        if (failure is not SqliteException { SqliteExtendedErrorCode: ConstraintUnique } sqlite)
        {
            return false;
        }

        var start = sqlite.Message.IndexOf(Prefix, StringComparison.Ordinal);
        if (start < 0)
        {
            return false;
        }

        var qualified = sqlite.Message[(start + Prefix.Length)..].TrimEnd('.', '\'').Split(", ");
        var named = qualified.Select(column => column.Split('.')).Where(parts => parts.Length == 2).ToList();
        if (named.Count != qualified.Length || named.Select(parts => parts[0]).Distinct().Count() != 1)
        {
            return false;
        }

        (table, columns) = (named[0][0], named.Select(parts => parts[1]).ToList());
        return true;
    }
}
