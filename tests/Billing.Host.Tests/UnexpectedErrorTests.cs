using System.Net;
using Billing.Host.Tests.Support;
using Billing.Testing;
using Microsoft.Data.Sqlite;

namespace Billing.Host.Tests;

/// <summary>API-1: what nobody planned for is a 500 problem that tells nothing of the internals.</summary>
public sealed class UnexpectedErrorTests(BillingApiFactory factory) : IClassFixture<BillingApiFactory>
{
    [SqliteOnlyFact]
    public async Task A_broken_database_answers_a_500_problem_without_internals()
    {
        var client = factory.ClientWith(BillingApiFactory.TestClientKey);
        (await client.GetAsync("/v1/customers")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using (var connection = new SqliteConnection($"Data Source={factory.DatabasePath}"))
        {
            await connection.OpenAsync();
            await using var drop = connection.CreateCommand();
            drop.CommandText = "DROP TABLE customers_customers";
            await drop.ExecuteNonQueryAsync();
        }

        var response = await client.GetAsync("/v1/customers");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.InternalServerError, "internal_error");
        var body = problem.GetRawText();
        body.ShouldNotContain("customers_customers");
        body.ShouldNotContain("SQLite", Case.Insensitive);
        body.ShouldNotContain("   at ");
        problem.Str("detail").ShouldContain("traceId");
    }
}
