using System.Reflection;

namespace Billing.BuildingBlocks.Application.Audit;

public static class AuditChanges
{
    /// <summary>
    /// The fields that differ between two snapshots of the same record type, keyed by camelCase
    /// property name. A creation is the difference from <c>null</c>: every non-null field.
    /// </summary>
    public static IReadOnlyDictionary<string, AuditChange> Between<TSnapshot>(TSnapshot? before, TSnapshot after)
        where TSnapshot : class
    {
        var changes = new Dictionary<string, AuditChange>();
        foreach (var property in typeof(TSnapshot).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var from = before is null ? null : property.GetValue(before);
            var to = property.GetValue(after);
            if (!Equals(from, to))
            {
                changes[JsonName(property.Name)] = new AuditChange(from, to);
            }
        }

        return changes;
    }

    private static string JsonName(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
