using Billing.BuildingBlocks.Domain;
using Billing.BuildingBlocks.Infrastructure.Persistence.Postgres;
using Billing.BuildingBlocks.Infrastructure.Persistence.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Billing.BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// docs-adr/0040: a save that breaks a unique key declared with <see cref="EnvironmentScope.ConflictsAs"/>
/// becomes that key's documented conflict (a 409), not a 500. The provider's error says which key
/// (SQLite: its table and columns; PostgreSQL: its index); the model says which key that is and what it answers.
/// </summary>
internal static class UniqueKeys
{
    public const string ConflictCode = "Billing:ConflictCode";
    public const string ConflictMessage = "Billing:ConflictMessage";

    public static BusinessRuleViolation? ConflictOf(DbContext context, DbUpdateException failure)
    {
        var indexes = context.Model.GetEntityTypes().SelectMany(entity => entity.GetIndexes()).Where(index => index.IsUnique);
        IIndex? key = null;
        if (SqliteUniqueViolation.TryRead(failure.InnerException, out var table, out var columns))
        {
            key = indexes.FirstOrDefault(index => index.DeclaringEntityType.GetTableName() == table && ColumnsOf(index).SetEquals(columns));
        }
        else if (PostgresUniqueViolation.TryRead(failure.InnerException, out var name))
        {
            key = indexes.FirstOrDefault(index => index.GetDatabaseName() == name);
        }

        return key?.FindAnnotation(ConflictCode)?.Value is string code
            ? new BusinessRuleViolation(code, Naming(key, failure, key.FindAnnotation(ConflictMessage)?.Value as string ?? $"The {key.DeclaringEntityType.GetTableName()} row already exists."))
            : null;
    }

    /// <summary>The message, naming the values the refused row gave the key (the environment aside): "… (externalId 'acme')."</summary>
    private static string Naming(IIndex key, DbUpdateException failure, string message)
    {
        var entry = failure.Entries.FirstOrDefault(candidate => candidate.Metadata == key.DeclaringEntityType);
        var values = entry is null
            ? []
            : key.Properties.Where(property => property.Name != "Environment")
                .Select(property => $"{char.ToLowerInvariant(property.Name[0])}{property.Name[1..]} '{entry.CurrentValues[property]}'")
                .ToList();
        return values.Count == 0 ? message : $"{message.TrimEnd('.')} ({string.Join(", ", values)}).";
    }

    private static HashSet<string> ColumnsOf(IIndex index) =>
        index.Properties.Select(property => property.GetColumnName()).ToHashSet(StringComparer.Ordinal);
}
