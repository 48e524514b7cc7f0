using Billing.Host.Tests.Support;
using Billing.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Billing.Host.Tests;

/// <summary>
/// Issue 17 §1 on PostgreSQL: for every context of the product, the schema its PostgreSQL
/// migrations built is exactly the schema its model describes (columns, types, nullability,
/// identities, keys and indexes), every table in its module's schema, compared with a second
/// database made from the model's own create script. <see cref="MigrationsMatchModelTests"/> is SQLite's.
/// </summary>
public sealed class PostgresMigrationsMatchModelTests(BillingApiFactory factory) : IClassFixture<BillingApiFactory>
{
    public static TheoryData<string> Contexts() => MigrationsMatchModelTests.Contexts();

    [PostgresOnlyTheory]
    [MemberData(nameof(Contexts))]
    public async Task The_migrated_schema_is_the_schema_of_the_model(string contextType)
    {
        _ = factory.Server;
        using var scope = factory.Services.CreateScope();
        var context = (DbContext)scope.ServiceProvider.GetRequiredService(MigrationsMatchModelTests.ContextTypes().Single(type => type.FullName == contextType));
        context.Database.GetPendingMigrations().ShouldBeEmpty();
        var schema = context.Model.GetDefaultSchema().ShouldNotBeNull();
        var tables = context.Model.GetEntityTypes().Select(entity => (entity.GetSchema(), entity.GetTableName())).Distinct().ToList();
        tables.ShouldAllBe(table => table.Item1 == schema);

        var fromModel = factory.DatabasePath + "." + schema + ".model";
        TestDatabases.SettingsFor(fromModel);
        try
        {
            await TestDatabases.RowsAsync(fromModel, context.Database.GenerateCreateScript());
            foreach (var (_, table) in tables)
            {
                (await DescribeAsync(factory.DatabasePath, schema, table!)).ShouldBe(await DescribeAsync(fromModel, schema, table!), $"table {schema}.{table}");
            }
        }
        finally
        {
            TestDatabases.Drop(fromModel);
        }
    }

    private static async Task<List<string>> DescribeAsync(string databasePath, string schema, string table)
    {
        var columns = await TestDatabases.RowsAsync(databasePath, $"""
            SELECT column_name, data_type, character_maximum_length, numeric_precision, numeric_scale, is_nullable, is_identity
            FROM information_schema.columns WHERE table_schema = '{schema}' AND table_name = '{table}' ORDER BY column_name
            """);
        var indexes = await TestDatabases.RowsAsync(databasePath, $"SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = '{schema}' AND tablename = '{table}' ORDER BY indexname");
        var lines = columns.Concat(indexes).Select(row => string.Join(' ', row.Select(value => value?.ToString() ?? "null"))).ToList();
        lines.ShouldNotBeEmpty($"table {schema}.{table} does not exist");
        return lines;
    }
}
