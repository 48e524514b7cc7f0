using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Billing.BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// docs-adr/0043: a table whose rows hot paths add and change by the hundred (a cycle's invoices
/// and their lines, every module's outbox and audit log). A provider adapter may write such rows its
/// own faster way (SQLite: statements prepared once per table, docs-adr/0026) when
/// <c>Billing:Database:BulkWrites</c> is on; every other table is saved by EF Core's own writer.
/// </summary>
public static class BulkWrites
{
    private const string Annotation = "Billing:BulkWrites";

    public static EntityTypeBuilder<T> HasBulkWrites<T>(this EntityTypeBuilder<T> builder)
        where T : class => builder.HasAnnotation(Annotation, true);

    /// <summary>Whether rows of this type (or of the entity that owns it) may be written in bulk.</summary>
    internal static bool Of(IEntityType entityType)
    {
        var root = entityType;
        while (root.FindOwnership() is { } ownership)
        {
            root = ownership.PrincipalEntityType;
        }

        return root.FindAnnotation(Annotation)?.Value is true;
    }
}
