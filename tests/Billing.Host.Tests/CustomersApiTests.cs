using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Billing.Customers.Contracts;
using Billing.Host.Tests.Support;

namespace Billing.Host.Tests;

/// <summary>CUS-1, CUS-3, AUD-1 through HTTP.</summary>
public sealed class CustomersApiTests(BillingApiFactory factory) : IClassFixture<BillingApiFactory>
{
    private readonly HttpClient _client = factory.ClientWith(BillingApiFactory.TestClientKey);

    [Fact]
    public async Task Create_answers_201_with_the_customer_and_where_to_find_it()
    {
        var response = await _client.PostAsJsonAsync("/v1/customers", new
        {
            externalId = "org-42",
            kind = "organization",
            name = "Forty Two",
            email = "ap@fortytwo.test",
            currency = "JPY",
            taxRate = 10,
            notificationPreferences = new { pastDue = "webhook" },
            stripeCustomerId = "cus_NffrFeUfNV2Hib",
        });

        var customer = await response.ShouldBeJsonAsync(HttpStatusCode.Created);
        response.Headers.Location!.ToString().ShouldBe($"/v1/customers/{customer.Str("id")}");
        customer.Str("id").ShouldStartWith("cus_");
        customer.Str("kind").ShouldBe("organization");
        customer.Str("currency").ShouldBe("JPY");
        customer.GetProperty("taxRate").GetDecimal().ShouldBe(10m);
        customer.Str("status").ShouldBe("active");
        customer.Str("stripeCustomerId").ShouldBe("cus_NffrFeUfNV2Hib");
        var preferences = customer.GetProperty("notificationPreferences");
        preferences.Str("invoiceIssued").ShouldBe("email");
        preferences.Str("pastDue").ShouldBe("webhook");
        customer.GetProperty("createdAt").GetDateTimeOffset().ShouldBe(BillingApiFactory.ClockStart);
    }

    [Fact]
    public async Task Create_without_an_email_defaults_notifications_to_none_and_refuses_email_channels()
    {
        var quiet = await Create("no-mail", new { externalId = "no-mail", kind = "company", name = "Quiet", currency = "USD" });
        quiet.GetProperty("notificationPreferences").Str("invoiceIssued").ShouldBe("none");

        var refused = await _client.PostAsJsonAsync("/v1/customers", new
        {
            externalId = "no-mail-2", kind = "company", name = "Quiet", currency = "USD", notificationPreferences = new { paymentFailed = "email" },
        });
        await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict, "email_required");
    }

    [Fact]
    public async Task Create_names_every_missing_field()
    {
        var problem = await (await _client.PostAsJsonAsync("/v1/customers", new { })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_error");

        var errors = problem.GetProperty("errors");
        errors.EnumerateObject().Select(field => field.Name).ShouldBe(["externalId", "kind", "name", "currency"], ignoreOrder: true);
        errors.GetProperty("externalId")[0].GetString().ShouldBe("'externalId' must not be empty.");
    }

    [Fact]
    public async Task Update_changes_only_the_fields_sent_and_records_what_changed()
    {
        var created = await Create("upd-1", new { externalId = "upd-1", kind = "company", name = "Old Name", email = "a@b.test", currency = "USD", taxRate = 5 });
        var id = created.Str("id");

        var updated = await (await _client.PatchAsJsonAsync($"/v1/customers/{id}", new { name = "New Name", taxRate = 7.5m, notificationPreferences = new { invoiceIssued = "none" } }))
            .ShouldBeJsonAsync(HttpStatusCode.OK);

        updated.Str("name").ShouldBe("New Name");
        updated.GetProperty("taxRate").GetDecimal().ShouldBe(7.5m);
        updated.Str("email").ShouldBe("a@b.test");
        updated.GetProperty("notificationPreferences").Str("invoiceIssued").ShouldBe("none");
        updated.GetProperty("notificationPreferences").Str("pastDue").ShouldBe("email");

        var history = await History(id);
        history.Count.ShouldBe(2);
        history[1].Str("action").ShouldBe("updated");
        history[1].Str("actor").ShouldStartWith("key_");
        var changes = history[1].GetProperty("changes");
        changes.EnumerateObject().Select(change => change.Name).ShouldBe(["name", "taxRate", "invoiceIssuedNotification"], ignoreOrder: true);
        changes.GetProperty("name").Str("from").ShouldBe("Old Name");
        changes.GetProperty("name").Str("to").ShouldBe("New Name");
    }

    [Fact]
    public async Task An_update_that_changes_nothing_leaves_no_history()
    {
        var created = await Create("upd-same", new { externalId = "upd-same", kind = "company", name = "Same", currency = "USD" });

        await (await _client.PatchAsJsonAsync($"/v1/customers/{created.Str("id")}", new { name = "Same" })).ShouldBeJsonAsync(HttpStatusCode.OK);

        (await History(created.Str("id"))).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_stripe_link_is_set_later_and_removed_with_an_empty_string()
    {
        var id = (await Create("stripe-link", new { externalId = "stripe-link", kind = "company", name = "Linked", currency = "USD" })).Str("id");

        var linked = await (await _client.PatchAsJsonAsync($"/v1/customers/{id}", new { stripeCustomerId = "cus_Abc123" })).ShouldBeJsonAsync(HttpStatusCode.OK);
        linked.Str("stripeCustomerId").ShouldBe("cus_Abc123");

        var unlinked = await (await _client.PatchAsJsonAsync($"/v1/customers/{id}", new { stripeCustomerId = "" })).ShouldBeJsonAsync(HttpStatusCode.OK);
        unlinked.GetProperty("stripeCustomerId").ValueKind.ShouldBe(JsonValueKind.Null);

        await (await _client.PatchAsJsonAsync($"/v1/customers/{id}", new { stripeCustomerId = "acct_123" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_error");
    }

    [Fact]
    public async Task External_id_and_currency_cannot_be_changed()
    {
        var id = (await Create("fixed", new { externalId = "fixed", kind = "company", name = "Fixed", currency = "USD" })).Str("id");

        var externalId = await (await _client.PatchAsJsonAsync($"/v1/customers/{id}", new { externalId = "moved" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid_json");
        externalId.Str("detail").ShouldBe("'externalId' is not a field of this request.");
        await (await _client.PatchAsJsonAsync($"/v1/customers/{id}", new { currency = "EUR" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid_json");
    }

    [Fact]
    public async Task Archiving_keeps_the_customer_readable_and_locks_it()
    {
        var id = (await Create("arch-1", new { externalId = "arch-1", kind = "company", name = "Archive Me", currency = "USD" })).Str("id");

        var archived = await (await _client.PostAsync($"/v1/customers/{id}/archive", null)).ShouldBeJsonAsync(HttpStatusCode.OK);
        archived.Str("status").ShouldBe("archived");
        archived.GetProperty("archivedAt").GetDateTimeOffset().ShouldBe(BillingApiFactory.ClockStart);

        var again = await (await _client.PostAsync($"/v1/customers/{id}/archive", null)).ShouldBeJsonAsync(HttpStatusCode.OK);
        again.Str("status").ShouldBe("archived");
        await (await _client.PatchAsJsonAsync($"/v1/customers/{id}", new { name = "Too late" })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "customer_archived");

        var history = await History(id);
        history.Select(entry => entry.Str("action")).ShouldBe(["created", "archived"]);
        history[1].GetProperty("changes").GetProperty("status").Str("to").ShouldBe("archived");
        await factory.Events.WaitForAsync<CustomerArchivedIntegrationEvent>(e => e.CustomerId == id);
    }

    [Fact]
    public async Task Creating_a_customer_tells_the_other_modules_through_the_outbox()
    {
        var id = (await Create("event-1", new { externalId = "event-1", kind = "company", name = "Eventful", currency = "USD" })).Str("id");

        var published = await factory.Events.WaitForAsync<CustomerCreatedIntegrationEvent>(e => e.CustomerId == id);

        published.ExternalId.ShouldBe("event-1");
        published.OccurredAt.ShouldBe(BillingApiFactory.ClockStart);
        factory.Events.All.OfType<CustomerCreatedIntegrationEvent>().Count(e => e.CustomerId == id).ShouldBe(1);
    }

    [Fact]
    public async Task The_history_starts_with_the_creation_and_every_field_set()
    {
        var id = (await Create("hist-1", new { externalId = "hist-1", kind = "organization", name = "Historic", currency = "EUR", taxRate = 19 })).Str("id");

        var created = (await History(id)).Single();

        created.Str("action").ShouldBe("created");
        created.Str("entityType").ShouldBe("customer");
        created.Str("entityId").ShouldBe(id);
        var changes = created.GetProperty("changes");
        changes.GetProperty("externalId").Str("to").ShouldBe("hist-1");
        changes.GetProperty("currency").Str("to").ShouldBe("EUR");
        changes.GetProperty("taxRate").GetProperty("to").GetDecimal().ShouldBe(19m);
    }

    [Fact]
    public async Task The_list_filters_and_pages_newest_first_without_gaps_or_repeats()
    {
        var prefix = "page-" + Guid.NewGuid().ToString("N")[..6];
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await Create($"{prefix}-{i}", new { externalId = $"{prefix}-{i}", kind = i % 2 == 0 ? "company" : "organization", name = $"Paged {i}", currency = "USD" })).Str("id"));
        }

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await _client.GetAsync($"/v1/customers?q={prefix}&limit=2" + (cursor is null ? string.Empty : $"&cursor={cursor}"))).ShouldBeJsonAsync(HttpStatusCode.OK);
            var data = page.GetProperty("data").EnumerateArray().Select(customer => customer.Str("id")).ToList();
            data.Count.ShouldBeLessThanOrEqualTo(2);
            seen.AddRange(data);
            cursor = page.GetProperty("nextCursor").GetString();
            page.GetProperty("hasMore").GetBoolean().ShouldBe(cursor is not null);
        }
        while (cursor is not null);

        seen.ShouldBe(ids.OrderByDescending(id => id, StringComparer.Ordinal).ToList());

        var companies = await (await _client.GetAsync($"/v1/customers?q={prefix}&kind=company")).ShouldBeJsonAsync(HttpStatusCode.OK);
        companies.GetProperty("data").GetArrayLength().ShouldBe(3);
        var byName = await (await _client.GetAsync($"/v1/customers?q=PAGED%203&externalId={prefix}-3")).ShouldBeJsonAsync(HttpStatusCode.OK);
        byName.GetProperty("data").EnumerateArray().Single().Str("id").ShouldBe(ids[3]);
    }

    [Fact]
    public async Task The_status_filter_separates_archived_customers()
    {
        var prefix = "status-" + Guid.NewGuid().ToString("N")[..6];
        var kept = (await Create($"{prefix}-a", new { externalId = $"{prefix}-a", kind = "company", name = "Kept", currency = "USD" })).Str("id");
        var gone = (await Create($"{prefix}-b", new { externalId = $"{prefix}-b", kind = "company", name = "Gone", currency = "USD" })).Str("id");
        (await _client.PostAsync($"/v1/customers/{gone}/archive", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var active = await (await _client.GetAsync($"/v1/customers?q={prefix}&status=active")).ShouldBeJsonAsync(HttpStatusCode.OK);
        var archived = await (await _client.GetAsync($"/v1/customers?q={prefix}&status=archived")).ShouldBeJsonAsync(HttpStatusCode.OK);

        active.GetProperty("data").EnumerateArray().Select(c => c.Str("id")).ShouldBe([kept]);
        archived.GetProperty("data").EnumerateArray().Select(c => c.Str("id")).ShouldBe([gone]);
    }

    private async Task<JsonElement> Create(string externalId, object body)
    {
        var customer = await (await _client.PostAsJsonAsync("/v1/customers", body)).ShouldBeJsonAsync(HttpStatusCode.Created);
        customer.Str("externalId").ShouldBe(externalId);
        return customer;
    }

    private async Task<List<JsonElement>> History(string id)
    {
        var page = await (await _client.GetAsync($"/v1/customers/{id}/history")).ShouldBeJsonAsync(HttpStatusCode.OK);
        return page.GetProperty("data").EnumerateArray().ToList();
    }
}
