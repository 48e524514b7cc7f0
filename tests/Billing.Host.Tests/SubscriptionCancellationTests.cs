using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Billing.Host.Tests.Support;

namespace Billing.Host.Tests;

/// <summary>
/// PLN-5 end to end on the simulated clock, each against a hand-computed invoice: cancel at the
/// period end, cancel now mid-period, what is refused, and what becomes of later events.
/// </summary>
public sealed class SubscriptionCancellationTests
{
    private static readonly DateTimeOffset May1 = new(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset June1 = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Canceled_at_the_period_end_the_period_is_invoiced_in_full_and_no_later_one()
    {
        await using var factory = new BillingApiFactory();
        var scenario = await InvoicingScenario.CreateAsync(factory, recurringFee: 30m);
        await scenario.SetClockAsync("2026-05-10T09:30:00Z");
        await scenario.CallsAtAsync("2026-05-03T10:00:00Z", "2026-05-09T10:00:00Z");

        var canceled = await CancelAsync(scenario, "period_end", "customer downsizing");
        canceled.GetProperty("endsAt").GetDateTimeOffset().ShouldBe(June1);
        canceled.Str("status").ShouldBe("active", "it runs to the end of the period");
        canceled.GetProperty("canceledAt").GetDateTimeOffset().ShouldBe(new DateTimeOffset(2026, 5, 10, 9, 30, 0, TimeSpan.Zero));
        canceled.Str("cancellationReason").ShouldBe("customer downsizing");

        // May in full: 30.00 + 2 calls × 0.10 = 30.20. Nothing for June or July.
        await scenario.SetClockAsync("2026-06-01T03:00:00Z");
        var may = await scenario.OnlyInvoiceAsync();
        (may.GetProperty("periodStart").GetDateTimeOffset(), may.GetProperty("periodEnd").GetDateTimeOffset()).ShouldBe((May1, June1));
        may.GetProperty("total").GetDecimal().ShouldBe(30.20m);
        await scenario.SetClockAsync("2026-08-01T03:00:00Z");
        (await scenario.InvoicesAsync()).Count.ShouldBe(1);

        var subscription = await (await scenario.Admin.GetAsync($"/v1/subscriptions/{scenario.SubscriptionId}")).ShouldBeJsonAsync(HttpStatusCode.OK);
        subscription.Str("status").ShouldBe("canceled");
        await (await scenario.Admin.GetAsync($"/v1/subscriptions/{scenario.SubscriptionId}/upcoming-invoice"))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "no_upcoming_invoice");
    }

    [Fact]
    public async Task Canceled_now_the_period_is_cut_at_that_second_and_invoiced_with_the_fee_prorated_and_usage_up_to_then()
    {
        await using var factory = new BillingApiFactory();
        var scenario = await InvoicingScenario.CreateAsync(factory, recurringFee: 30m);
        await scenario.SetClockAsync("2026-05-20T12:00:00Z");
        await scenario.CallsAtAsync("2026-05-03T10:00:00Z", "2026-05-20T11:59:59Z");

        var canceled = await CancelAsync(scenario, "now", "fraud");
        var end = new DateTimeOffset(2026, 5, 20, 12, 0, 0, TimeSpan.Zero);
        canceled.GetProperty("endsAt").GetDateTimeOffset().ShouldBe(end);
        canceled.Str("status").ShouldBe("canceled");
        canceled.GetProperty("nextPeriodEnd").GetDateTimeOffset().ShouldBe(end);

        // The preview shows the final invoice to come; events after the end are accepted but billed nowhere.
        var preview = await (await scenario.Admin.GetAsync($"/v1/subscriptions/{scenario.SubscriptionId}/upcoming-invoice")).ShouldBeJsonAsync(HttpStatusCode.OK);
        preview.GetProperty("periodEnd").GetDateTimeOffset().ShouldBe(end);
        preview.GetProperty("total").GetDecimal().ShouldBe(19.07m);
        await scenario.CallsAtAsync("2026-05-20T12:00:00Z");

        // The close delay runs from the end: nothing at 12:59, the final invoice at 13:00.
        await scenario.SetClockAsync("2026-05-20T12:59:00Z");
        (await scenario.InvoicesAsync()).ShouldBeEmpty();
        await scenario.SetClockAsync("2026-05-20T13:00:00Z");
        var final = await scenario.OnlyInvoiceAsync();
        (final.GetProperty("periodStart").GetDateTimeOffset(), final.GetProperty("periodEnd").GetDateTimeOffset()).ShouldBe((May1, end));

        // 30 × 1,684,800 s / 2,678,400 s (19.5 of May's 31 days) = 18.8709… → 18.87; 2 calls × 0.10 = 0.20.
        var fee = InvoicingScenario.Line(final, "recurring_fee");
        fee.GetProperty("amount").GetDecimal().ShouldBe(18.87m);
        fee.GetProperty("computation")[0].GetString()!.ShouldContain("1684800 s / 2678400 s");
        InvoicingScenario.Line(final, scenario.Calls).GetProperty("quantity").GetDecimal().ShouldBe(2m);
        final.GetProperty("total").GetDecimal().ShouldBe(19.07m);

        await scenario.SetClockAsync("2026-07-15T00:00:00Z");
        await scenario.CallsAtAsync("2026-07-10T08:00:00Z");
        await scenario.SetClockAsync("2026-08-01T03:00:00Z");
        var invoices = await scenario.InvoicesAsync();
        invoices.Count.ShouldBe(1);
        (await scenario.InvoiceAsync(invoices[0].Str("id"))).Str("number").ShouldBe("TEST-000001", "the final invoice was finalized; no other was made");

        var history = (await (await scenario.Admin.GetAsync($"/v1/subscriptions/{scenario.SubscriptionId}/history")).ShouldBeJsonAsync(HttpStatusCode.OK))
            .EnumerateArray().ToList();
        history.Select(entry => entry.Str("action")).ShouldBe(["created", "canceled"]);
        history[1].Str("reason").ShouldBe("fraud");
        history[1].GetProperty("changes").GetProperty("endsAt").GetProperty("to").GetDateTimeOffset().ShouldBe(end);

        // Canceled, the customer may be put on the same plan again, once.
        var again = new { customerId = scenario.CustomerId, planCode = "usage-" + scenario.Suffix, collectionMethod = "send_invoice" };
        (await scenario.Admin.PostAsJsonAsync("/v1/subscriptions", again)).StatusCode.ShouldBe(HttpStatusCode.Created);
        await (await scenario.Admin.PostAsJsonAsync("/v1/subscriptions", again)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "subscription_exists");
    }

    [Fact]
    public async Task Bad_requests_name_the_field_and_cancellations_that_cannot_be_are_409()
    {
        await using var factory = new BillingApiFactory();
        var scenario = await InvoicingScenario.CreateAsync(factory);
        var url = $"/v1/subscriptions/{scenario.SubscriptionId}/cancel";

        var fields = await (await scenario.Admin.PostAsJsonAsync(url, new { at = "tomorrow" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_error");
        fields.GetProperty("errors").EnumerateObject().Select(field => field.Name).ShouldBe(["at", "reason"], ignoreOrder: true);
        fields.GetProperty("errors").GetProperty("at")[0].GetString()!.ShouldContain("period_end");
        await (await scenario.Admin.PostAsJsonAsync(url, new { at = "now", reason = new string('x', 501) })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_error");
        await (await scenario.Admin.PostAsJsonAsync("/v1/subscriptions/sub_nope/cancel", new { at = "now", reason = "x" })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await factory.ClientWith(BillingApiFactory.TestClientKey).PostAsJsonAsync(url, new { at = "now", reason = "x" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await factory.ClientWith(BillingApiFactory.LiveAdminKey).PostAsJsonAsync(url, new { at = "now", reason = "x" }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");

        await scenario.SetClockAsync("2026-05-10T00:00:00Z");
        await CancelAsync(scenario, "period_end", "first");
        await (await scenario.Admin.PostAsJsonAsync(url, new { at = "period_end", reason = "again" })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "subscription_canceled");
        (await CancelAsync(scenario, "now", "sooner after all")).GetProperty("endsAt").GetDateTimeOffset().ShouldBe(new DateTimeOffset(2026, 5, 10, 0, 0, 0, TimeSpan.Zero));
        await (await scenario.Admin.PostAsJsonAsync(url, new { at = "now", reason = "once more" })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "subscription_ended");

        // The cut period [1 May, 10 May) is the last one billed; a manual invoice of June is refused, naming the end.
        await scenario.SetClockAsync("2026-06-02T00:00:00Z");
        var last = await scenario.OnlyInvoiceAsync();
        last.GetProperty("periodEnd").GetDateTimeOffset().ShouldBe(new DateTimeOffset(2026, 5, 10, 0, 0, 0, TimeSpan.Zero));
        (await (await scenario.Admin.PostAsJsonAsync("/v1/invoices", new { customerId = scenario.CustomerId, periodStart = "2026-06-01T00:00:00Z" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_error")).GetProperty("errors").GetProperty("periodStart")[0].GetString()!.ShouldContain("ended");
    }

    private static async Task<JsonElement> CancelAsync(InvoicingScenario scenario, string at, string reason) =>
        await (await scenario.Admin.PostAsJsonAsync($"/v1/subscriptions/{scenario.SubscriptionId}/cancel", new { at, reason })).ShouldBeJsonAsync(HttpStatusCode.OK);
}
