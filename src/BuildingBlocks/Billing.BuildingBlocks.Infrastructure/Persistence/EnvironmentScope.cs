using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Billing.BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// ENV-1 by construction: every entity of a module context carries a shadow <c>environment</c>
/// column, stamped on insert and filtered on every query by <see cref="ModuleDbContext"/>. Domain
/// types never see it; handlers cannot forget it.
/// </summary>
public static class EnvironmentScope
{
    public const string PropertyName = "Environment";

    /// <summary>A unique index whose uniqueness holds per environment (ENV-1).</summary>
    public static IndexBuilder<T> HasUniqueIndexPerEnvironment<T>(this EntityTypeBuilder<T> builder, params string[] propertyNames)
        where T : class
    {
        builder.Property<string>(PropertyName);
        return builder.HasIndex([PropertyName, .. propertyNames]).IsUnique();
    }

    /// <summary>
    /// What a unique key answers when a save breaks it: the 409 the use case documents (docs-adr/0040).
    /// The handler checks first; the key decides when two requests or two instances race past the check.
    /// </summary>
    public static IndexBuilder ConflictsAs(this IndexBuilder index, string code, string message) =>
        index.HasAnnotation(UniqueKeys.ConflictCode, code).HasAnnotation(UniqueKeys.ConflictMessage, message);

    /// <summary>An index led by the environment, for lists and look-ups within one environment.</summary>
    public static IndexBuilder<T> HasIndexPerEnvironment<T>(this EntityTypeBuilder<T> builder, params string[] propertyNames)
        where T : class
    {
        builder.Property<string>(PropertyName);
        return builder.HasIndex([PropertyName, .. propertyNames]);
    }
}
