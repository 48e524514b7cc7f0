using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Billing.BuildingBlocks.Domain;
using Billing.BuildingBlocks.Infrastructure.Persistence;
using Billing.Host.Tests.Support;
using Billing.Testing;
using Npgsql;

namespace Billing.Host.Tests;

/// <summary>
/// MET-3, MET-5 (docs-adr/0032): an acknowledged event always counts for the customer that owns its
/// external id at that moment, and an event for a deleted customer is refused at once, also when
/// another process on the same database deleted it and this one still remembers the customer.
/// </summary>
public sealed class DeletedCustomerUsageTests
{
    [Fact]
    public async Task After_another_process_deletes_a_customer_its_events_are_refused_at_once_and_count_for_the_new_owner_of_its_external_id()
    {
        await using var ingesting = new BillingApiFactory();
        await using var administering = new BillingApiFactory { DatabasePath = ingesting.DatabasePath };
        var client = ingesting.ClientWith(BillingApiFactory.TestClientKey);
        var admin = administering.ClientWith(BillingApiFactory.TestAdminKey);
        (await admin.PostAsJsonAsync("/v1/meters", new { code = "calls", displayName = "Calls", eventName = "call", aggregation = "count" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var first = await (await admin.PostAsJsonAsync("/v1/customers", new { externalId = "acme", kind = "company", name = "Acme", currency = "USD" })).ShouldBeJsonAsync(HttpStatusCode.Created);

        // The ingesting process meets the customer (and remembers it).
        (await SendAsync(client, "e1")).Str("status").ShouldBe("accepted");

        // Deleted by the other process: the ingesting one is never told, yet refuses the very next event.
        (await admin.DeleteAsync($"/v1/customers/{first.Str("id")}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var refused = await SendAsync(client, "e2");
        refused.Str("status").ShouldBe("rejected");
        refused.Str("reason").ShouldBe("unknown_customer");

        // The external id given to a new customer: the next event counts for it.
        var second = await (await admin.PostAsJsonAsync("/v1/customers", new { externalId = "acme", kind = "company", name = "Acme again", currency = "USD" })).ShouldBeJsonAsync(HttpStatusCode.Created);
        (await SendAsync(client, "e3")).Str("status").ShouldBe("accepted");
        var usage = await (await admin.GetAsync($"/v1/customers/{second.Str("id")}/usage?meter=calls&from=2026-04-01T00:00:00Z&to=2026-06-01T00:00:00Z"))
            .ShouldBeJsonAsync(HttpStatusCode.OK);
        usage.GetProperty("meters")[0].GetProperty("eventCount").GetInt64().ShouldBe(1);
    }

    /// <summary>
    /// docs-adr/0048 on PostgreSQL, where no single write lock orders the two: a deletion on another
    /// instance that has removed the customer but not yet committed holds the external id's lock, so
    /// ingestion asks who owns it only after the deletion commits, and refuses the event.
    /// </summary>
    [PostgresOnlyFact]
    public async Task An_event_written_while_its_customer_s_deletion_is_committing_waits_for_it_and_is_refused()
    {
        await using var factory = new BillingApiFactory();
        var admin = factory.ClientWith(BillingApiFactory.TestAdminKey);
        (await admin.PostAsJsonAsync("/v1/meters", new { code = "calls", displayName = "Calls", eventName = "call", aggregation = "count" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var customer = await (await admin.PostAsJsonAsync("/v1/customers", new { externalId = "acme", kind = "company", name = "Acme", currency = "USD" })).ShouldBeJsonAsync(HttpStatusCode.Created);
        var client = factory.ClientWith(BillingApiFactory.TestClientKey);
        (await SendAsync(client, "e1")).Str("status").ShouldBe("accepted");

        await using var deletion = new NpgsqlConnection(TestDatabases.ConnectionStringFor(factory.DatabasePath));
        await deletion.OpenAsync();
        await using var transaction = await deletion.BeginTransactionAsync();
        await using (var remove = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended(@key, 0)); DELETE FROM customers.customers WHERE id = @id", deletion, transaction))
        {
            remove.Parameters.AddWithValue("key", OwnershipLocks.KeyOf(BillingEnvironment.Test, "acme"));
            remove.Parameters.AddWithValue("id", customer.Str("id"));
            await remove.ExecuteNonQueryAsync();
        }

        var sending = SendAsync(client, "e2");
        await UntilAsync(async () => (await TestDatabases.ScalarAsync(factory.DatabasePath, "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")) > 0);
        sending.IsCompleted.ShouldBeFalse("the event waits for the deletion");

        await transaction.CommitAsync();
        var refused = await sending;
        refused.Str("status").ShouldBe("rejected");
        refused.Str("reason").ShouldBe("unknown_customer");
    }

    /// <summary>Asks again until the condition holds (each question is a round trip to the server); gives up after 30 seconds.</summary>
    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            deadline.Token.ThrowIfCancellationRequested();
        }
    }

    private static async Task<JsonElement> SendAsync(HttpClient client, string id)
    {
        var batch = await (await client.PostAsJsonAsync("/v1/events/batch", new
        {
            events = new[] { new { id, customer = "acme", @event = "call", timestamp = BillingApiFactory.ClockStart.AddMinutes(-1).ToString("O") } },
        })).ShouldBeJsonAsync(HttpStatusCode.OK);
        return batch.GetProperty("results")[0];
    }
}
