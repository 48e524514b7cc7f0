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
            if (!Same(from, to))
            {
                changes[JsonName(property.Name)] = new AuditChange(from, to);
            }
        }

        return changes;
    }

    /// <summary>Values compare by value; lists (a snapshot's items are records) item by item.</summary>
    private static bool Same(object? from, object? to) =>
        Equals(from, to)
        || (from is System.Collections.IEnumerable fromItems and not string && to is System.Collections.IEnumerable toItems and not string
            && fromItems.Cast<object?>().SequenceEqual(toItems.Cast<object?>()));

    private static string JsonName(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
