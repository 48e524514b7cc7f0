using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Billing.BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// docs-adr/0044: a context's assembly holds its migrations for both providers, and each provider
/// applies only its own: a migration (or model snapshot) in a namespace with a <c>Postgres</c>
/// segment is PostgreSQL's, any other is SQLite's. The ids are the migration attribute's, as EF Core's
/// own discovery reads them.
/// </summary>
internal sealed class ProviderMigrations(ICurrentDbContext current, IMigrationsIdGenerator ids) : IMigrationsAssembly
{
    private IReadOnlyDictionary<string, TypeInfo>? _migrations;
    private ModelSnapshot? _snapshot;
    private bool _snapshotRead;

    public Assembly Assembly => current.Context.GetType().Assembly;

    public IReadOnlyDictionary<string, TypeInfo> Migrations => _migrations ??= Discover();

    public ModelSnapshot? ModelSnapshot
    {
        get
        {
            if (!_snapshotRead)
            {
                _snapshot = OwnTypes(typeof(ModelSnapshot)).Select(type => (ModelSnapshot)Activator.CreateInstance(type.AsType())!).FirstOrDefault();
                _snapshotRead = true;
            }

            return _snapshot;
        }
    }

    public string? FindMigrationId(string nameOrId) =>
        Migrations.Keys.FirstOrDefault(id => string.Equals(id, nameOrId, StringComparison.OrdinalIgnoreCase)
            || string.Equals(ids.GetName(id), nameOrId, StringComparison.OrdinalIgnoreCase));

    public Migration CreateMigration(TypeInfo migrationClass, string activeProvider)
    {
        var migration = (Migration)Activator.CreateInstance(migrationClass.AsType())!;
        migration.ActiveProvider = activeProvider;
        return migration;
    }

    private SortedList<string, TypeInfo> Discover()
    {
        var found = new SortedList<string, TypeInfo>(StringComparer.OrdinalIgnoreCase);
        foreach (var type in OwnTypes(typeof(Migration)))
        {
            if (type.GetCustomAttribute<MigrationAttribute>()?.Id is { } id)
            {
                found.Add(id, type);
            }
        }

        return found;
    }

    /// <summary>The types of a kind that belong to this context and to the provider it runs on.</summary>
    private IEnumerable<TypeInfo> OwnTypes(Type kind)
    {
        var contextType = current.Context.GetType();
        var postgres = BillingDatabase.IsPostgres(current.Context.Database);
        return Assembly.DefinedTypes.Where(type => !type.IsAbstract && kind.IsAssignableFrom(type)
            && type.GetCustomAttribute<DbContextAttribute>()?.ContextType == contextType
            && IsPostgres(type) == postgres);
    }

    private static bool IsPostgres(TypeInfo type) => type.Namespace?.Split('.').Contains("Postgres") == true;
}
