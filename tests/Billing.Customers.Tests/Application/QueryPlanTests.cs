using Billing.Testing;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace Billing.Customers.Tests.Application;

/// <summary>
/// docs-adr/0024: every index leads with the environment, which SQLite's planner took for a
/// selective column until the host stated otherwise in sqlite_stat1.
/// </summary>
public sealed class QueryPlanTests(CustomersModuleFixture module) : IClassFixture<CustomersModuleFixture>
{
    [SqliteOnlyFact]
    public async Task A_batch_read_by_id_looks_up_each_key_instead_of_walking_the_environment()
    {
        var ids = Enumerable.Range(0, 100).Select(index => $"cus_{index}").ToList();

        var plan = await module.ReadAsync(context => PlanAsync(context, context.Customers.Where(customer => ids.Contains(customer.Id))));

        plan.ShouldContain("(id=?)");
        plan.ShouldNotContain("(environment=?)");
    }

    [SqliteOnlyFact]
    public async Task A_lookup_by_external_id_still_uses_the_environment_and_external_id()
    {
        var plan = await module.ReadAsync(context => PlanAsync(context, context.Customers.Where(customer => customer.ExternalId == "acme")));

        plan.ShouldContain("(environment=? AND external_id=?)");
    }

    private static async Task<string> PlanAsync<T>(DbContext context, IQueryable<T> query)
    {
        await using var command = query.CreateDbCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        await context.Database.OpenConnectionAsync();
        try
        {
            var steps = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                steps.Add(reader.GetString(3));
            }

            return string.Join(" | ", steps);
        }
        finally
        {
            await context.Database.CloseConnectionAsync();
        }
    }
}
