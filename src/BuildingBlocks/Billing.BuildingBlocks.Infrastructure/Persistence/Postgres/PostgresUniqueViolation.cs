using Npgsql;

namespace Billing.BuildingBlocks.Infrastructure.Persistence.Postgres;

/// <summary>PostgreSQL names a broken unique key by its index (SQLSTATE 23505, the constraint name).</summary>
internal static class PostgresUniqueViolation
{
    public static bool TryRead(Exception? failure, out string index)
    {
        index = failure is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: { } name } ? name : string.Empty;
        return index.Length > 0;
    }
}
