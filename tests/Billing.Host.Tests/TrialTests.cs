using System.Net;
using System.Text.Json;
using Billing.Host.Tests.Support;

namespace Billing.Host.Tests;

/// <summary>PLN-4 end to end on the simulated clock: a trial is free, the first invoice covers the time after it, prorated.</summary>
public sealed class TrialTests
{
    [Fact]
    public async Task A_14_day_trial_bills_nothing_for_the_trial_and_the_rest_of_the_month_prorated_with_late_usage_after_it_only()
    {
        await using var factory = new BillingApiFactory();
        var scenario = await InvoicingScenario.CreateAsync(factory, recurringFee: 30m, trialDays: 14);
        var subscription = await (await scenario.Admin.GetAsync($"/v1/subscriptions/{scenario.SubscriptionId}")).ShouldBeJsonAsync(HttpStatusCode.OK);
        subscription.GetProperty("trialEndsAt").GetDateTimeOffset().ShouldBe(new DateTimeOffset(2026, 5, 15, 0, 0, 0, TimeSpan.Zero));
        subscription.GetProperty("nextPeriodStart").GetDateTimeOffset().ShouldBe(new DateTimeOffset(2026, 5, 15, 0, 0, 0, TimeSpan.Zero));

        await scenario.SetClockAsync("2026-05-31T00:00:00Z");
        await scenario.CallsAtAsync("2026-05-05T10:00:00Z", "2026-05-20T10:00:00Z");
        await scenario.SetClockAsync("2026-06-01T03:00:00Z");

        // [15 May, 1 Jun): 30 × 17 / 31 = 16.4516… → 16.45; the trial's call is not billed, May 20's is: 0.10.
        var may = await scenario.OnlyInvoiceAsync();
        may.Str("status").ShouldBe("open");
        may.GetProperty("periodStart").GetDateTimeOffset().ShouldBe(new DateTimeOffset(2026, 5, 15, 0, 0, 0, TimeSpan.Zero));
        InvoicingScenario.Line(may, "recurring_fee").GetProperty("amount").GetDecimal().ShouldBe(16.45m);
        InvoicingScenario.Line(may, scenario.Calls).GetProperty("quantity").GetDecimal().ShouldBe(1m);
        may.GetProperty("total").GetDecimal().ShouldBe(16.55m);

        // Late: a call in the trial is never billed; one after it is, on June's invoice, once.
        await scenario.CallsAtAsync("2026-05-10T10:00:00Z", "2026-05-25T10:00:00Z");
        await scenario.SetClockAsync("2026-07-01T03:00:00Z");
        var june = await scenario.InvoiceAsync((await scenario.InvoicesAsync())[0].Str("id"));
        InvoicingScenario.Line(june, "recurring_fee").GetProperty("amount").GetDecimal().ShouldBe(30m);
        var late = june.GetProperty("lines").EnumerateArray().Single(line => line.Str("kind") == "late_usage");
        late.GetProperty("quantity").GetDecimal().ShouldBe(1m);
        late.GetProperty("periodStart").GetDateTimeOffset().ShouldBe(new DateTimeOffset(2026, 5, 15, 0, 0, 0, TimeSpan.Zero));
        june.GetProperty("total").GetDecimal().ShouldBe(30.10m);
    }

    [Fact]
    public async Task A_trial_longer_than_730_days_is_refused_naming_the_field()
    {
        await using var factory = new BillingApiFactory();
        var scenario = await InvoicingScenario.CreateAsync(factory);
        var response = await scenario.Admin.PostAsync("/v1/subscriptions", System.Net.Http.Json.JsonContent.Create(new
        {
            customerId = scenario.CustomerId, planCode = "usage-" + scenario.Suffix, collectionMethod = "send_invoice", trialDays = 731,
        }));
        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_error")).GetProperty("errors").TryGetProperty("trialDays", out _).ShouldBeTrue();
    }
}
