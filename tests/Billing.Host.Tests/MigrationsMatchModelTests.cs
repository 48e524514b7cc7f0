using Billing.Host.Tests.Support;
using Billing.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Billing.Host.Tests;

/// <summary>
/// Migrations are written by hand (docs-adr/0008). This proves, for every context of the product,
/// that the schema its migrations built is exactly the schema its model describes — columns,
/// types, nullability, keys and indexes — and that every table carries its module's prefix.
/// </summary>
public sealed class MigrationsMatchModelTests(BillingApiFactory factory) : IClassFixture<BillingApiFactory>
{
    public static TheoryData<string> Contexts() => new(ContextTypes().Select(type => type.FullName!));

    [SqliteOnlyTheory]
    [MemberData(nameof(Contexts))]
    public void The_migrated_schema_is_the_schema_of_the_model(string contextType)
    {
        _ = factory.Server;
        using var scope = factory.Services.CreateScope();
        var context = (DbContext)scope.ServiceProvider.GetRequiredService(ContextTypes().Single(type => type.FullName == contextType));
        var tables = context.Model.GetEntityTypes().Select(entity => entity.GetTableName()!).Distinct().Order().ToList();
        var prefix = tables[0].Split('_')[0];
        tables.ShouldAllBe(table => table.StartsWith(prefix + "_", StringComparison.Ordinal));
        context.Database.GetPendingMigrations().ShouldBeEmpty();

        using var fromModel = new SqliteConnection("Data Source=:memory:");
        fromModel.Open();
        using (var create = fromModel.CreateCommand())
        {
            create.CommandText = context.Database.GenerateCreateScript();
            create.ExecuteNonQuery();
        }

        using var migrated = new SqliteConnection($"Data Source={factory.DatabasePath}");
        migrated.Open();
        foreach (var table in tables)
        {
            Describe(migrated, table).ShouldBe(Describe(fromModel, table), $"table {table}");
        }
    }

    internal static IEnumerable<Type> ContextTypes() =>
        AppDomain.CurrentDomain.GetAssemblies()
            .Concat(Directory.GetFiles(AppContext.BaseDirectory, "Billing.*.dll").Select(path => System.Reflection.Assembly.LoadFrom(path)))
            .Distinct()
            .SelectMany(assembly => assembly.GetTypes())
            .Where(type => type is { IsAbstract: false } && type.IsSubclassOf(typeof(DbContext)))
            .DistinctBy(type => type.FullName)
            .OrderBy(type => type.FullName);

    private static List<string> Describe(SqliteConnection connection, string table)
    {
        var lines = new List<string>();
        Read(connection, $"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{table}') ORDER BY name", row => lines.Add($"column {row[0]} {row[1]} notnull={row[2]} pk={row[3]}"));
        Read(connection, $"SELECT name, \"unique\" FROM pragma_index_list('{table}') WHERE origin <> 'pk' ORDER BY name", row =>
        {
            var columns = new List<string>();
            Read(connection, $"SELECT name FROM pragma_index_info('{row[0]}') ORDER BY seqno", column => columns.Add((string)column[0]));
            lines.Add($"index {row[0]} unique={row[1]} ({string.Join(", ", columns)})");
        });
        lines.ShouldNotBeEmpty($"table {table} does not exist");
        return lines;
    }

    private static void Read(SqliteConnection connection, string sql, Action<object[]> row)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var values = new object[reader.FieldCount];
            reader.GetValues(values);
            row(values);
        }
    }
}
