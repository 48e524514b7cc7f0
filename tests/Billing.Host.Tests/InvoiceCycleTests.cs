using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Billing.Customers.Contracts;
using Billing.Host.Tests.Support;

namespace Billing.Host.Tests;

/// <summary>
/// INV-2..INV-5 and INV-7 end to end through HTTP on the simulated clock: a full month of a usage
/// plan, from events to a numbered invoice, with late usage inside and after the grace period.
/// </summary>
public sealed class InvoiceCycleTests
{
    [Fact]
    public async Task A_month_closes_after_the_delay_takes_late_usage_in_grace_and_bills_later_usage_next_month_on_its_own_line()
    {
        await using var factory = new BillingApiFactory();
        var month = await InvoicingScenario.CreateAsync(factory);
        await month.SetClockAsync("2026-05-31T23:45:00Z");
        await month.CallsAtAsync("2026-05-10T08:00:00Z", "2026-05-20T12:00:00Z", "2026-05-31T23:30:00-00:00");

        // INV-2: the period ends at midnight; nothing before the one-hour close delay.
        await month.SetClockAsync("2026-06-01T00:59:00Z");
        (await month.InvoicesAsync()).ShouldBeEmpty();

        await month.AdvanceAsync("PT1M");
        var draft = await month.OnlyInvoiceAsync();
        draft.Str("status").ShouldBe("draft");
        draft.GetProperty("number").ValueKind.ShouldBe(JsonValueKind.Null);
        draft.Str("kind").ShouldBe("scheduled");
        draft.GetProperty("periodStart").GetDateTimeOffset().ShouldBe(new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero));
        draft.GetProperty("periodEnd").GetDateTimeOffset().ShouldBe(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        draft.GetProperty("finalizesAt").GetDateTimeOffset().ShouldBe(new DateTimeOffset(2026, 6, 1, 2, 0, 0, TimeSpan.Zero));
        UsageLine(draft).GetProperty("quantity").GetDecimal().ShouldBe(3m);
        draft.GetProperty("total").GetDecimal().ShouldBe(0.30m);

        // INV-3: an event of May that arrives during the grace period is on the invoice when it finalizes.
        await month.AdvanceAsync("PT30M");
        await month.CallsAtAsync("2026-05-31T22:00:00Z");
        await month.SetClockAsync("2026-06-01T02:00:00Z");
        var may = await month.OnlyInvoiceAsync();
        may.Str("status").ShouldBe("open");
        may.Str("number").ShouldBe("TEST-000001");
        UsageLine(may).GetProperty("quantity").GetDecimal().ShouldBe(4m);
        may.GetProperty("total").GetDecimal().ShouldBe(0.40m);
        may.GetProperty("dueDate").GetDateTimeOffset().ShouldBe(new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero));

        // INV-5: a May event after finalization leaves May's invoice alone...
        await month.AdvanceAsync("PT1H");
        await month.CallsAtAsync("2026-05-15T10:00:00Z");
        (await month.InvoiceAsync(may.Str("id"))).GetRawText().ShouldBe(may.GetRawText());

        // ...and is billed on June's invoice, once, on a line naming May; June's own usage stays June's.
        await month.SetClockAsync("2026-06-30T00:00:00Z");
        await month.CallsAtAsync("2026-06-03T10:00:00Z", "2026-06-04T10:00:00Z");
        await month.SetClockAsync("2026-07-01T01:00:00Z");
        await month.SetClockAsync("2026-07-01T02:00:00Z");
        var invoices = await month.InvoicesAsync();
        invoices.Count.ShouldBe(2);
        var june = await month.InvoiceAsync(invoices[0].Str("id"));
        june.Str("status").ShouldBe("open");
        june.Str("number").ShouldBe("TEST-000002");
        UsageLine(june).GetProperty("quantity").GetDecimal().ShouldBe(2m);
        var late = june.GetProperty("lines").EnumerateArray().Single(line => line.Str("kind") == "late_usage");
        late.GetProperty("quantity").GetDecimal().ShouldBe(1m);
        late.GetProperty("amount").GetDecimal().ShouldBe(0.10m);
        late.Str("description").ShouldContain("2026-05-01");
        late.GetProperty("periodStart").GetDateTimeOffset().ShouldBe(new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero));
        june.GetProperty("total").GetDecimal().ShouldBe(0.30m);
        (await month.InvoiceAsync(may.Str("id"))).GetProperty("total").GetDecimal().ShouldBe(0.40m);

        // Never twice: July's invoice has no May line.
        await month.SetClockAsync("2026-08-01T01:00:00Z");
        await month.SetClockAsync("2026-08-01T02:00:00Z");
        var july = await month.InvoiceAsync((await month.InvoicesAsync())[0].Str("id"));
        july.Str("number").ShouldBe("TEST-000003");
        july.GetProperty("lines").EnumerateArray().ShouldNotContain(line => line.Str("kind") == "late_usage");
        july.GetProperty("total").GetDecimal().ShouldBe(0m);
    }

    [Fact]
    public async Task Late_usage_accepted_under_a_long_window_is_billed_even_after_the_window_is_shortened()
    {
        await using var factory = new BillingApiFactory();
        var month = await InvoicingScenario.CreateAsync(factory);
        await month.SetClockAsync("2026-06-01T03:00:00Z");
        var may = await month.OnlyInvoiceAsync();
        may.Str("status").ShouldBe("open");

        // Accepted under the default 35-day window: a May event, after May's invoice was final (INV-5).
        await month.SetClockAsync("2026-06-10T00:00:00Z");
        await month.CallsAtAsync("2026-05-20T10:00:00Z");

        // The window shrinks to an hour (older events are refused from then on)...
        var shortened = await (await month.Admin.PutAsJsonAsync("/v1/settings/invoicing", new { lateUsageWindow = "PT1H" })).ShouldBeJsonAsync(HttpStatusCode.OK);
        shortened.Str("lateUsageWindow").ShouldBe("PT1H");

        // ...but the event accepted before is billed on June's invoice, once (MET-3: acknowledged usage is never lost).
        await month.SetClockAsync("2026-07-01T03:00:00Z");
        var june = await month.InvoiceAsync((await month.InvoicesAsync())[0].Str("id"));
        var late = june.GetProperty("lines").EnumerateArray().Single(line => line.Str("kind") == "late_usage");
        late.GetProperty("quantity").GetDecimal().ShouldBe(1m);
        late.GetProperty("periodStart").GetDateTimeOffset().ShouldBe(new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero));
        june.GetProperty("total").GetDecimal().ShouldBe(0.10m);

        await month.SetClockAsync("2026-08-01T03:00:00Z");
        var july = await month.InvoiceAsync((await month.InvoicesAsync())[0].Str("id"));
        july.GetProperty("lines").EnumerateArray().ShouldNotContain(line => line.Str("kind") == "late_usage");
    }

    [Fact]
    public async Task The_first_invoice_of_a_charge_automatically_subscription_finalizes_at_once_and_history_tells_why()
    {
        await using var factory = new BillingApiFactory();
        var scenario = await InvoicingScenario.CreateAsync(factory, collectionMethod: "charge_automatically", recurringFee: 20m);
        await scenario.SetClockAsync("2026-05-02T00:01:00Z");
        await scenario.CallsAtAsync("2026-05-02T00:00:00Z");
        await scenario.SetClockAsync("2026-06-01T01:00:00Z");

        var invoice = await scenario.OnlyInvoiceAsync();
        invoice.Str("status").ShouldBe("open");
        invoice.GetProperty("total").GetDecimal().ShouldBe(20.10m);
        var history = (await (await scenario.Admin.GetAsync($"/v1/invoices/{invoice.Str("id")}/history")).ShouldBeJsonAsync(HttpStatusCode.OK)).EnumerateArray().ToList();
        history.Select(entry => entry.Str("action")).ShouldBe(["created", "status_changed"]);
        history[1].Str("reason").ShouldContain("charge_automatically");
        history[1].Str("actor").ShouldBe("system:invoicing-cycle");
        history[1].GetProperty("changes").GetProperty("status").GetProperty("to").GetString().ShouldBe("open");
    }

    [Fact]
    public async Task Subscriptions_of_one_batch_are_each_rated_numbered_and_late_billed_on_their_own()
    {
        // P5 reads and rates a cycle's batch together: nothing of one subscription may leak into another's invoice.
        await using var factory = new BillingApiFactory();
        var late = await InvoicingScenario.CreateAsync(factory);
        var quiet = await InvoicingScenario.CreateAsync(factory, recurringFee: 5m, taxRate: 10m);
        var atOnce = await InvoicingScenario.CreateAsync(factory, collectionMethod: "charge_automatically");
        await late.SetClockAsync("2026-05-31T23:00:00Z");
        await late.CallsAtAsync("2026-05-03T10:00:00Z", "2026-05-04T10:00:00Z");
        await quiet.CallsAtAsync("2026-05-03T10:00:00Z", "2026-05-04T10:00:00Z", "2026-05-05T10:00:00Z", "2026-05-06T10:00:00Z", "2026-05-07T10:00:00Z");
        await atOnce.CallsAtAsync("2026-05-09T10:00:00Z");

        await late.SetClockAsync("2026-06-01T01:00:00Z");
        (await atOnce.OnlyInvoiceAsync()).Str("status").ShouldBe("open", "the first invoice of charge_automatically finalizes at once, in the same batch");
        await late.SetClockAsync("2026-06-01T02:00:00Z");
        var mayLate = await late.OnlyInvoiceAsync();
        var mayQuiet = await quiet.OnlyInvoiceAsync();
        var mayAtOnce = await atOnce.OnlyInvoiceAsync();
        mayLate.GetProperty("total").GetDecimal().ShouldBe(0.20m);
        mayQuiet.GetProperty("total").GetDecimal().ShouldBe(6.05m, "5 + 5 calls x 0.10 = 5.50, tax 10 % = 0.55");
        mayAtOnce.GetProperty("total").GetDecimal().ShouldBe(0.10m);
        new[] { mayLate, mayQuiet, mayAtOnce }.Select(invoice => invoice.Str("number")).Order().ToList()
            .ShouldBe(["TEST-000001", "TEST-000002", "TEST-000003"], customMessage: "gap-free across the batch (INV-7)");

        // A late May event for one subscription only; June usage for the other.
        await late.AdvanceAsync("PT1H");
        await late.CallsAtAsync("2026-05-20T10:00:00Z");
        await quiet.SetClockAsync("2026-06-30T00:00:00Z");
        await quiet.CallsAtAsync("2026-06-10T10:00:00Z");
        await late.SetClockAsync("2026-07-01T01:00:00Z");
        await late.SetClockAsync("2026-07-01T02:00:00Z");

        var juneLate = await late.InvoiceAsync((await late.InvoicesAsync())[0].Str("id"));
        var lateLine = juneLate.GetProperty("lines").EnumerateArray().Single(line => line.Str("kind") == "late_usage");
        lateLine.GetProperty("quantity").GetDecimal().ShouldBe(1m);
        UsageLine(juneLate).GetProperty("quantity").GetDecimal().ShouldBe(0m);
        juneLate.GetProperty("total").GetDecimal().ShouldBe(0.10m);

        var juneQuiet = await quiet.InvoiceAsync((await quiet.InvoicesAsync())[0].Str("id"));
        juneQuiet.GetProperty("lines").EnumerateArray().ShouldNotContain(line => line.Str("kind") == "late_usage");
        UsageLine(juneQuiet).GetProperty("quantity").GetDecimal().ShouldBe(1m);
        juneQuiet.GetProperty("total").GetDecimal().ShouldBe(5.61m, "5 + 1 call x 0.10 = 5.10, tax 10 % = 0.51");

        var juneAtOnce = await atOnce.InvoiceAsync((await atOnce.InvoicesAsync())[0].Str("id"));
        juneAtOnce.Str("status").ShouldBe("open");
        juneAtOnce.GetProperty("total").GetDecimal().ShouldBe(0m);
        new[] { juneLate, juneQuiet, juneAtOnce }.Select(invoice => invoice.Str("number")).Order().ToList()
            .ShouldBe(["TEST-000004", "TEST-000005", "TEST-000006"]);
    }

    private static JsonElement UsageLine(JsonElement invoice) =>
        invoice.GetProperty("lines").EnumerateArray().Single(line => line.Str("kind") == "usage");
}

/// <summary>CUS-3, PLN-5: archiving a customer cancels its subscriptions now; the period it was archived in is invoiced up to then.</summary>
public sealed class ArchivedCustomerCycleTests
{
    [Fact]
    public async Task The_period_of_the_archive_is_invoiced_prorated_up_to_it_and_no_later_one()
    {
        await using var factory = new BillingApiFactory();
        var scenario = await InvoicingScenario.CreateAsync(factory, recurringFee: 30m);
        await scenario.SetClockAsync("2026-05-20T00:00:00Z");
        (await scenario.Admin.PostAsync($"/v1/customers/{scenario.CustomerId}/archive", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The archive reaches Invoicing through the outbox. The recording handler is registered after
        // Invoicing's and MediatR publishes in order, so once it has the event, Invoicing has committed.
        await factory.Events.WaitForAsync<CustomerArchivedIntegrationEvent>(archived => archived.CustomerId == scenario.CustomerId);
        var subscription = await (await scenario.Admin.GetAsync($"/v1/subscriptions/{scenario.SubscriptionId}")).ShouldBeJsonAsync(HttpStatusCode.OK);
        subscription.GetProperty("endsAt").GetDateTimeOffset().ShouldBe(new DateTimeOffset(2026, 5, 20, 0, 0, 0, TimeSpan.Zero));
        subscription.Str("status").ShouldBe("canceled");
        subscription.Str("cancellationReason").ShouldBe("customer archived");
        await scenario.SetClockAsync("2026-08-01T02:00:00Z");
        var invoices = await scenario.InvoicesAsync();
        invoices.Count.ShouldBe(1);
        var may = await scenario.InvoiceAsync(invoices[0].Str("id"));
        may.GetProperty("periodStart").GetDateTimeOffset().ShouldBe(new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero));
        may.GetProperty("periodEnd").GetDateTimeOffset().ShouldBe(new DateTimeOffset(2026, 5, 20, 0, 0, 0, TimeSpan.Zero));
        may.GetProperty("total").GetDecimal().ShouldBe(18.39m, "30 × 19 of May's 31 days = 18.387…");
    }
}

/// <summary>CUS-3: deleting a customer with invoices (or subscriptions) is refused; one never billed can go.</summary>
public sealed class DeleteCustomerTests
{
    [Fact]
    public async Task A_billed_customer_cannot_be_deleted_and_an_unbilled_one_can_and_frees_its_external_id()
    {
        await using var factory = new BillingApiFactory();
        var scenario = await InvoicingScenario.CreateAsync(factory, recurringFee: 5m);
        var admin = scenario.Admin;
        (await (await admin.DeleteAsync($"/v1/customers/{scenario.CustomerId}")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "customer_has_subscriptions"))
            .Str("detail").ShouldContain("archive");
        await scenario.SetClockAsync("2026-06-01T01:00:00Z");
        await (await admin.DeleteAsync($"/v1/customers/{scenario.CustomerId}")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "customer_has_invoices");

        var lone = await (await admin.PostAsJsonAsync("/v1/customers", new { externalId = "lone", kind = "company", name = "Lone", currency = "USD" }))
            .ShouldBeJsonAsync(HttpStatusCode.Created);
        await (await factory.ClientWith(BillingApiFactory.TestClientKey).DeleteAsync($"/v1/customers/{lone.Str("id")}"))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        (await admin.DeleteAsync($"/v1/customers/{lone.Str("id")}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await admin.GetAsync($"/v1/customers/{lone.Str("id")}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await admin.DeleteAsync($"/v1/customers/{lone.Str("id")}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        (await admin.PostAsJsonAsync("/v1/customers", new { externalId = "lone", kind = "company", name = "Lone again", currency = "USD" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
    }
}
