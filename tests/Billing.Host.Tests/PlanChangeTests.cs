using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Billing.Host.Tests.Support;

namespace Billing.Host.Tests;

/// <summary>
/// PLN-6 end to end on the simulated clock, against hand-computed invoices: an upgrade mid-period, a
/// change at 00:00:00 of a period, an upgrade and a downgrade in one leap-year February, and the refusals.
/// </summary>
public sealed class PlanChangeTests
{
    [Fact]
    public async Task An_upgrade_mid_period_rates_each_part_by_its_plan_and_a_change_at_midnight_starts_the_next_period_whole()
    {
        await using var factory = new BillingApiFactory();
        var scenario = await InvoicingScenario.CreateAsync(factory, recurringFee: 31m);
        var big = await PlanAsync(scenario, "big", recurringFee: 62m, unitPrice: 0.05m);
        await scenario.SetClockAsync("2026-05-10T00:00:00Z");
        await scenario.CallsAtAsync("2026-05-05T10:00:00Z", "2026-05-08T10:00:00Z");

        await scenario.SetClockAsync("2026-05-11T00:00:00Z");
        var changed = await ChangeAsync(scenario, big, "now");
        changed.Str("planCode").ShouldBe(big);
        changed.GetProperty("planPhases").EnumerateArray().Select(phase => (phase.Str("planCode"), phase.GetProperty("startsAt").GetDateTimeOffset().Day))
            .ShouldBe([("usage-" + scenario.Suffix, 1), (big, 11)]);

        await scenario.SetClockAsync("2026-05-31T00:00:00Z");
        await scenario.CallsAtAsync("2026-05-20T10:00:00Z", "2026-05-25T10:00:00Z", "2026-05-28T10:00:00Z");
        await scenario.SetClockAsync("2026-06-01T00:00:00Z");
        await ChangeAsync(scenario, "usage-" + scenario.Suffix, "now");

        // May: the usage plan's 31.00 × 10/31 = 10.00 and 2 calls × 0.10 = 0.20; the big plan's
        // 62.00 × 21/31 = 42.00 and 3 calls × 0.05 = 0.15. Total 52.35, on the plan May ended on.
        await scenario.SetClockAsync("2026-06-01T03:00:00Z");
        var may = await scenario.OnlyInvoiceAsync();
        may.GetProperty("lines").EnumerateArray().Select(line => (line.Str("code"), line.GetProperty("amount").GetDecimal(), line.GetProperty("periodStart").GetDateTimeOffset().Day))
            .ShouldBe([("recurring_fee", 10.00m, 1), (scenario.Calls, 0.20m, 1), ("recurring_fee", 42.00m, 11), (scenario.Calls, 0.15m, 11)]);
        may.GetProperty("total").GetDecimal().ShouldBe(52.35m);
        may.Str("planCode").ShouldBe(big);
        may.GetProperty("lines")[2].Str("description").ShouldContain($"(plan {big})");

        // The change at 00:00:00 of June touched nothing of May; June is the usage plan's, whole.
        await scenario.SetClockAsync("2026-06-30T00:00:00Z");
        await scenario.CallsAtAsync("2026-06-10T10:00:00Z");
        await scenario.SetClockAsync("2026-07-01T03:00:00Z");
        var june = await scenario.InvoiceAsync((await scenario.InvoicesAsync())[0].Str("id"));
        june.GetProperty("total").GetDecimal().ShouldBe(31.10m);
        june.Str("planCode").ShouldBe("usage-" + scenario.Suffix);

        var history = (await (await scenario.Admin.GetAsync($"/v1/subscriptions/{scenario.SubscriptionId}/history")).ShouldBeJsonAsync(HttpStatusCode.OK)).EnumerateArray().ToList();
        history.Select(entry => entry.Str("action")).ShouldBe(["created", "plan_changed", "plan_changed"]);
        history[1].GetProperty("changes").GetProperty("planCode").GetProperty("to").GetString().ShouldBe(big);
    }

    [Fact]
    public async Task An_upgrade_and_a_downgrade_without_proration_in_one_leap_year_February()
    {
        await using var factory = new BillingApiFactory();
        var scenario = await InvoicingScenario.CreateAsync(factory, recurringFee: 29m, startDate: "2028-02-01T00:00:00Z");
        var big = await PlanAsync(scenario, "big", recurringFee: 58m, unitPrice: 0.05m);
        await scenario.SetClockAsync("2028-02-09T00:00:00Z");
        await scenario.CallsAtAsync("2028-02-05T10:00:00Z");
        await scenario.SetClockAsync("2028-02-10T00:00:00Z");
        await ChangeAsync(scenario, big, "now");
        await scenario.SetClockAsync("2028-02-19T00:00:00Z");
        await scenario.CallsAtAsync("2028-02-15T10:00:00Z");
        await scenario.SetClockAsync("2028-02-20T00:00:00Z");
        await ChangeAsync(scenario, "usage-" + scenario.Suffix, "now", proration: "none");
        await scenario.SetClockAsync("2028-02-28T00:00:00Z");
        await scenario.CallsAtAsync("2028-02-25T10:00:00Z");

        // February 2028 has 29 days. The usage plan: 29.00 × 9/29 = 9.00, 1 call × 0.10. The big plan:
        // 58.00 × 20/29 = 40.00 (its fees run to the period's end: the downgrade did not prorate),
        // 1 call × 0.05. The usage plan again: no fee, 1 call × 0.10. Total 49.25.
        await scenario.SetClockAsync("2028-03-01T03:00:00Z");
        var february = await scenario.OnlyInvoiceAsync();
        february.GetProperty("lines").EnumerateArray().Select(line => (line.Str("code"), line.GetProperty("amount").GetDecimal()))
            .ShouldBe([("recurring_fee", 9.00m), (scenario.Calls, 0.10m), ("recurring_fee", 40.00m), (scenario.Calls, 0.05m), (scenario.Calls, 0.10m)]);
        february.GetProperty("total").GetDecimal().ShouldBe(49.25m);
    }

    [Fact]
    public async Task A_change_needs_a_plan_of_the_same_currency_and_interval_and_says_what_is_wrong()
    {
        await using var factory = new BillingApiFactory();
        var scenario = await InvoicingScenario.CreateAsync(factory);
        var url = $"/v1/subscriptions/{scenario.SubscriptionId}/change-plan";
        var yearly = await PlanAsync(scenario, "yearly", recurringFee: 100m, unitPrice: 0.05m, interval: "yearly");
        var euro = await PlanAsync(scenario, "euro", recurringFee: 10m, unitPrice: 0.05m, currency: "EUR");

        var fields = await (await scenario.Admin.PostAsJsonAsync(url, new { at = "tomorrow", proration = "some" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_error");
        fields.GetProperty("errors").EnumerateObject().Select(field => field.Name).ShouldBe(["planCode", "at", "proration"], ignoreOrder: true);
        (await (await scenario.Admin.PostAsJsonAsync(url, new { planCode = "no-such-plan", at = "now" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_error"))
            .GetProperty("errors").GetProperty("planCode")[0].GetString()!.ShouldContain("no-such-plan");
        await (await scenario.Admin.PostAsJsonAsync(url, new { planCode = yearly, at = "now" })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "interval_mismatch");
        await (await scenario.Admin.PostAsJsonAsync(url, new { planCode = euro, at = "now" })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "currency_mismatch");
        await (await scenario.Admin.PostAsJsonAsync(url, new { planCode = "usage-" + scenario.Suffix, at = "now" })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "same_plan");
        await (await factory.ClientWith(BillingApiFactory.TestClientKey).PostAsJsonAsync(url, new { planCode = yearly, at = "now" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await scenario.Admin.PostAsJsonAsync("/v1/subscriptions/sub_nope/change-plan", new { planCode = yearly, at = "now" }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    private static async Task<JsonElement> ChangeAsync(InvoicingScenario scenario, string planCode, string at, string? proration = null) =>
        await (await scenario.Admin.PostAsJsonAsync($"/v1/subscriptions/{scenario.SubscriptionId}/change-plan", new { planCode, at, proration }))
            .ShouldBeJsonAsync(HttpStatusCode.OK);

    private static async Task<string> PlanAsync(
        InvoicingScenario scenario, string name, decimal recurringFee, decimal unitPrice, string interval = "monthly", string currency = "USD")
    {
        var plan = await (await scenario.Admin.PostAsJsonAsync("/v1/plans", new
        {
            code = $"{name}-{scenario.Suffix}",
            name,
            currency,
            interval,
            fixedFees = new { recurringFee },
            charges = new[] { new { meter = scenario.Calls, model = "per_unit", unitPrice } },
        })).ShouldBeJsonAsync(HttpStatusCode.Created);
        return plan.Str("code");
    }
}
