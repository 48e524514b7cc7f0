using Billing.BuildingBlocks.Domain;
using Billing.BuildingBlocks.Infrastructure.Persistence.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Billing.BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// docs-adr/0040: a save that breaks a unique key declared with <see cref="EnvironmentScope.ConflictsAs"/>
/// becomes that key's documented conflict (a 409), not a 500. The provider's error says which table
/// and columns; the model says which key that is and what it answers.
/// </summary>
internal static class UniqueKeys
{
    public const string ConflictCode = "Billing:ConflictCode";
    public const string ConflictMessage = "Billing:ConflictMessage";

    public static BusinessRuleViolation? ConflictOf(DbContext context, DbUpdateException failure)
    {
        if (!SqliteUniqueViolation.TryRead(failure.InnerException, out var table, out var columns))
        {
            return null;
        }

        var key = context.Model.GetEntityTypes()
            .Where(entity => entity.GetTableName() == table)
            .SelectMany(entity => entity.GetIndexes())
            .FirstOrDefault(index => index.IsUnique && ColumnsOf(index).SetEquals(columns));
        return key?.FindAnnotation(ConflictCode)?.Value is string code
            ? new BusinessRuleViolation(code, key.FindAnnotation(ConflictMessage)?.Value as string ?? $"The {table} row already exists.")
            : null;
    }

    private static HashSet<string> ColumnsOf(IIndex index) =>
        index.Properties.Select(property => property.GetColumnName()).ToHashSet(StringComparer.Ordinal);
}
