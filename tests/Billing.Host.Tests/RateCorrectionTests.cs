using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Billing.Host.Tests.Support;

namespace Billing.Host.Tests;

/// <summary>
/// PLN-7 and seed 003's "wrong rate — fix the rate, void the wrong invoice, regenerate", end to end
/// against hand-computed invoices; and the plan's history says when, which key and why (AUD-1).
/// </summary>
public sealed class RateCorrectionTests
{
    [Fact]
    public async Task A_rate_corrected_in_the_past_leaves_the_finalized_invoice_alone_and_regenerate_bills_the_corrected_rate()
    {
        await using var factory = new BillingApiFactory();
        var scenario = await InvoicingScenario.CreateAsync(factory);
        var plan = "usage-" + scenario.Suffix;
        await scenario.SetClockAsync("2026-05-31T00:00:00Z");
        await scenario.CallsAtAsync("2026-05-03T10:00:00Z", "2026-05-04T10:00:00Z", "2026-05-05T10:00:00Z");
        await scenario.SetClockAsync("2026-06-01T03:00:00Z");
        var may = await scenario.OnlyInvoiceAsync();
        may.Str("status").ShouldBe("open");
        may.GetProperty("total").GetDecimal().ShouldBe(0.30m, "3 calls × 0.10");

        // The contract said 0.08 a call from the start of May.
        await scenario.SetClockAsync("2026-06-05T00:00:00Z");
        var corrected = await (await scenario.Admin.PostAsJsonAsync($"/v1/plans/{plan}/versions", Correction(scenario.Calls, "2026-05-01T00:00:00Z", 0.08m, "contract rate is 0.08")))
            .ShouldBeJsonAsync(HttpStatusCode.Created);
        var version = corrected.GetProperty("versions").EnumerateArray().Last();
        (version.GetProperty("version").GetInt32(), version.GetProperty("correction").GetBoolean(), version.Str("reason")).ShouldBe((2, true, "contract rate is 0.08"));
        (await scenario.InvoiceAsync(may.Str("id"))).GetRawText().ShouldBe(may.GetRawText(), "a finalized invoice never changes");

        // Regenerate: May again at the corrected rate, 3 × 0.08 = 0.24, rated with version 2.
        var replacement = await (await scenario.Admin.PostAsJsonAsync($"/v1/invoices/{may.Str("id")}/regenerate", new { reason = "rate corrected" }))
            .ShouldBeJsonAsync(HttpStatusCode.Created);
        replacement.GetProperty("total").GetDecimal().ShouldBe(0.24m);
        replacement.GetProperty("planVersion").GetInt32().ShouldBe(2);
        (await scenario.InvoiceAsync(may.Str("id"))).Str("status").ShouldBe("void");

        // June is rated with the correction too: 2 × 0.08.
        await scenario.CallsAtAsync("2026-06-02T10:00:00Z", "2026-06-03T10:00:00Z");
        await scenario.SetClockAsync("2026-07-01T03:00:00Z");
        var june = (await scenario.InvoicesAsync()).Single(invoice => invoice.GetProperty("periodStart").GetDateTimeOffset().Month == 6);
        june.GetProperty("total").GetDecimal().ShouldBe(0.16m);

        var history = (await (await factory.ClientWith(BillingApiFactory.TestClientKey).GetAsync($"/v1/plans/{plan}/history")).ShouldBeJsonAsync(HttpStatusCode.OK))
            .EnumerateArray().ToList();
        history.Select(entry => entry.Str("action")).ShouldBe(["created", "price_corrected"]);
        history[1].Str("reason").ShouldBe("contract rate is 0.08");
        history[1].GetProperty("occurredAt").GetDateTimeOffset().ShouldBe(new DateTimeOffset(2026, 6, 5, 0, 0, 0, TimeSpan.Zero));
        history[1].Str("actor").ShouldNotBeNullOrEmpty();
        history[1].GetProperty("changes").GetProperty("version").GetProperty("to").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task A_past_date_needs_the_correction_flag_and_a_reason_and_a_correction_cannot_be_in_the_future()
    {
        await using var factory = new BillingApiFactory();
        var scenario = await InvoicingScenario.CreateAsync(factory);
        var url = $"/v1/plans/usage-{scenario.Suffix}/versions";
        await scenario.SetClockAsync("2026-06-05T00:00:00Z");
        var charges = new[] { new { meter = scenario.Calls, model = "per_unit", unitPrice = 0.08m } };

        await (await scenario.Admin.PostAsJsonAsync(url, new { effectiveFrom = "2026-05-01T00:00:00Z", charges }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "effective_date_in_past");
        (await (await scenario.Admin.PostAsJsonAsync(url, new { effectiveFrom = "2026-05-01T00:00:00Z", charges, correction = true }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_error")).GetProperty("errors").GetProperty("reason")[0].GetString()!.ShouldContain("reason");
        (await (await scenario.Admin.PostAsJsonAsync(url, new { charges, correction = true, reason = "x" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_error")).GetProperty("errors").TryGetProperty("effectiveFrom", out _).ShouldBeTrue();
        await (await scenario.Admin.PostAsJsonAsync(url, Correction(scenario.Calls, "2026-07-01T00:00:00Z", 0.08m, "later")))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "correction_not_in_past");
        await (await scenario.Admin.PostAsJsonAsync(url, Correction(scenario.Calls, "2026-01-01T00:00:00Z", 0.08m, "before the plan")))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "correction_before_plan");
        await (await factory.ClientWith(BillingApiFactory.TestClientKey).PostAsJsonAsync(url, Correction(scenario.Calls, "2026-05-01T00:00:00Z", 0.08m, "x")))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await scenario.Admin.GetAsync("/v1/plans/no-such-plan/history")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    private static object Correction(string meter, string effectiveFrom, decimal unitPrice, string reason) => new
    {
        effectiveFrom,
        correction = true,
        reason,
        charges = new[] { new { meter, model = "per_unit", unitPrice } },
    };
}
