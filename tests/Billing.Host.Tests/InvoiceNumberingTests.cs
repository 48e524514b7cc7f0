using System.Net;
using System.Net.Http.Json;
using Billing.Host.Tests.Support;
using Billing.Testing;
using Microsoft.Data.Sqlite;

namespace Billing.Host.Tests;

/// <summary>
/// INV-7, docs-adr/0039: numbers come from a counter row per environment, advanced in the
/// finalizing transaction: gap-free, per environment, and continuing from the invoices a database
/// numbered before the counter existed.
/// </summary>
public sealed class InvoiceNumberingTests
{
    [SqliteOnlyFact]
    public async Task Each_environment_counts_from_one_and_a_database_numbered_before_the_counter_continues_where_it_ended()
    {
        // A factory deletes its database when disposed, so the first one lives while the second starts on its file.
        await using var factory = new BillingApiFactory();
        var test = await InvoicingScenario.CreateAsync(factory);
        var live = await InvoicingScenario.CreateAsync(factory, adminKey: BillingApiFactory.LiveAdminKey);
        await test.SetClockAsync("2026-06-01T02:00:00Z");

        (await test.OnlyInvoiceAsync()).Str("number").ShouldBe("TEST-000001");
        (await live.OnlyInvoiceAsync()).Str("number").ShouldBe("INV-000001");

        // The database as it was before the counter's migration: invoices numbered, no counter.
        await using (var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var undo = connection.CreateCommand();
            undo.CommandText = "DROP TABLE invoicing_invoice_numbers; DELETE FROM __invoicing_migrations WHERE MigrationId = '20261207020000_CountInvoiceNumbers';";
            await undo.ExecuteNonQueryAsync();
        }

        // Another process starts on it: the migration runs again and the counter starts where the numbers ended.
        await using var restarted = new BillingApiFactory { DatabasePath = factory.DatabasePath };
        var admin = restarted.ClientWith(BillingApiFactory.TestAdminKey);
        (await admin.PutAsJsonAsync("/v1/test/clock", new { now = "2026-07-01T02:00:00Z" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var invoices = (await (await admin.GetAsync($"/v1/invoices?customer={test.CustomerId}")).ShouldBeJsonAsync(HttpStatusCode.OK)).GetProperty("data");
        invoices.EnumerateArray().Select(invoice => invoice.Str("number")).ShouldBe(["TEST-000002", "TEST-000001"]);
    }
}
