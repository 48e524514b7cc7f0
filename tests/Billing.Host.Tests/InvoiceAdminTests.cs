using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Billing.Host.Tests.Support;
using Billing.Invoicing.Contracts;

namespace Billing.Host.Tests;

/// <summary>INV-6, INV-8..INV-10, API-2 through HTTP: adjust, finalize, void, regenerate, write off, manual invoices.</summary>
public sealed class InvoiceAdminTests
{
    [Fact]
    public async Task Adjust_a_draft_finalize_it_regenerate_it_and_write_the_replacement_off_each_step_in_its_history()
    {
        await using var factory = new BillingApiFactory();
        var scenario = await InvoicingScenario.CreateAsync(factory);
        var admin = scenario.Admin;
        await scenario.SetClockAsync("2026-05-31T12:00:00Z");
        await scenario.CallsAtAsync("2026-05-03T00:00:00Z", "2026-05-04T00:00:00Z", "2026-05-05T00:00:00Z");
        await scenario.SetClockAsync("2026-06-01T01:00:00Z");
        var id = (await scenario.OnlyInvoiceAsync()).Str("id");

        // INV-6: a credit with a reason on a draft; a reason is required.
        (await (await admin.PostAsJsonAsync($"/v1/invoices/{id}/adjustments", new { amount = -0.05m }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_error")).GetProperty("errors").TryGetProperty("reason", out _).ShouldBeTrue();
        var adjusted = await (await admin.PostAsJsonAsync($"/v1/invoices/{id}/adjustments", new { amount = -0.05m, reason = "goodwill" }))
            .ShouldBeJsonAsync(HttpStatusCode.OK);
        adjusted.GetProperty("total").GetDecimal().ShouldBe(0.25m);
        adjusted.GetProperty("lines").EnumerateArray().Single(line => line.Str("kind") == "adjustment").Str("reason").ShouldBe("goodwill");

        // INV-8: a draft cannot be voided; the refusal names both states.
        (await (await admin.PostAsJsonAsync($"/v1/invoices/{id}/void", new { reason = "mistake" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "invalid_status_transition")).Str("detail").ShouldContain("from draft to void");

        var open = await (await admin.PostAsJsonAsync($"/v1/invoices/{id}/finalize", new { })).ShouldBeJsonAsync(HttpStatusCode.OK);
        (open.Str("status"), open.Str("number"), open.GetProperty("total").GetDecimal()).ShouldBe(("open", "TEST-000001", 0.25m));
        await (await admin.PostAsJsonAsync($"/v1/invoices/{id}/adjustments", new { amount = 1m, reason = "late fee" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "invoice_not_draft");
        await (await admin.PostAsJsonAsync($"/v1/invoices/{id}/void", new { })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_error");
        await (await factory.ClientWith(BillingApiFactory.TestClientKey).PostAsJsonAsync($"/v1/invoices/{id}/void", new { reason = "x" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await admin.PostAsJsonAsync("/v1/invoices/inv_missing/void", new { reason = "x" })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");

        // INV-10: regenerate voids the old one and rates the period again from current usage; they point at each other.
        var replacement = await (await admin.PostAsJsonAsync($"/v1/invoices/{id}/regenerate", new { reason = "credit was wrong" }))
            .ShouldBeJsonAsync(HttpStatusCode.Created);
        replacement.Str("status").ShouldBe("draft");
        replacement.Str("replacesInvoiceId").ShouldBe(id);
        replacement.GetProperty("total").GetDecimal().ShouldBe(0.30m);
        var voided = await scenario.InvoiceAsync(id);
        (voided.Str("status"), voided.Str("replacedByInvoiceId")).ShouldBe(("void", replacement.Str("id")));
        voided.Str("statusReason").ShouldContain("credit was wrong");

        // INV-7: numbers stay gap-free across a void.
        var newId = replacement.Str("id");
        (await (await admin.PostAsJsonAsync($"/v1/invoices/{newId}/finalize", new { })).ShouldBeJsonAsync(HttpStatusCode.OK)).Str("number").ShouldBe("TEST-000002");
        (await (await admin.PostAsJsonAsync($"/v1/invoices/{newId}/mark-uncollectible", new { reason = "customer insolvent" })).ShouldBeJsonAsync(HttpStatusCode.OK))
            .Str("status").ShouldBe("uncollectible");
        (await (await admin.PostAsJsonAsync($"/v1/invoices/{newId}/void", new { reason = "written off and cancelled" })).ShouldBeJsonAsync(HttpStatusCode.OK))
            .Str("status").ShouldBe("void");
        (await (await admin.PostAsJsonAsync($"/v1/invoices/{newId}/mark-uncollectible", new { reason = "again" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "invalid_status_transition")).Str("detail").ShouldContain("void is final");

        // AUD-1: when, which key, what, why.
        var history = (await (await admin.GetAsync($"/v1/invoices/{id}/history")).ShouldBeJsonAsync(HttpStatusCode.OK)).EnumerateArray().ToList();
        history.Select(entry => entry.Str("action")).ShouldBe(["created", "adjusted", "status_changed", "status_changed"]);
        history[1].Str("reason").ShouldBe("goodwill");
        history[2].Str("actor").ShouldStartWith("key_");
        history[3].GetProperty("changes").GetProperty("status").GetRawText().ShouldBe("""{"from":"open","to":"void"}""");
        history[3].Str("reason").ShouldContain("credit was wrong");

        // Payments listens: finalized, voided, regenerated go out through the outbox, once each.
        (await factory.Events.WaitForAsync<InvoiceFinalizedIntegrationEvent>(e => e.InvoiceId == id)).Number.ShouldBe("TEST-000001");
        (await factory.Events.WaitForAsync<InvoiceVoidedIntegrationEvent>(e => e.InvoiceId == id)).Reason.ShouldContain("credit was wrong");
        (await factory.Events.WaitForAsync<InvoiceRegeneratedIntegrationEvent>(e => e.VoidedInvoiceId == id)).NewInvoiceId.ShouldBe(newId);
        factory.Events.All.OfType<InvoiceFinalizedIntegrationEvent>().Count(e => e.InvoiceId == id).ShouldBe(1);
    }

    [Fact]
    public async Task A_manual_invoice_in_live_needs_confirmLive_and_in_test_does_not()
    {
        await using var factory = new BillingApiFactory();
        var live = factory.ClientWith(BillingApiFactory.LiveAdminKey);

        var refused = await (await live.PostAsJsonAsync("/v1/invoices", new { customerId = "cus_unknown" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_error");
        refused.GetProperty("errors").GetProperty("confirmLive")[0].GetString()!.ShouldContain("confirmLive");
        await (await live.PostAsJsonAsync("/v1/invoices", new { customerId = "cus_unknown", confirmLive = false }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_error");

        // Confirmed in live, or in test without the flag, the request goes on to the handler, which finds no subscription.
        var confirmed = await (await live.PostAsJsonAsync("/v1/invoices", new { customerId = "cus_unknown", confirmLive = true }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_error");
        confirmed.GetProperty("errors").EnumerateObject().Select(field => field.Name).ShouldBe(["customerId"]);
        var inTest = await (await factory.ClientWith(BillingApiFactory.TestAdminKey).PostAsJsonAsync("/v1/invoices", new { customerId = "cus_unknown" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_error");
        inTest.GetProperty("errors").EnumerateObject().Select(field => field.Name).ShouldBe(["customerId"]);

        var openApi = await factory.CreateClient().GetStringAsync("/openapi/v1.json");
        openApi.ShouldContain("confirmLive");
    }

    [Fact]
    public async Task A_manual_invoice_for_the_period_so_far_takes_the_period_and_the_rest_of_its_usage_is_billed_next_time()
    {
        await using var factory = new BillingApiFactory();
        var scenario = await InvoicingScenario.CreateAsync(factory);
        var admin = scenario.Admin;
        await scenario.SetClockAsync("2026-05-15T00:00:00Z");
        await scenario.CallsAtAsync("2026-05-03T00:00:00Z", "2026-05-04T00:00:00Z");

        await (await admin.PostAsJsonAsync("/v1/invoices", new { })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_error");
        var manual = await (await admin.PostAsJsonAsync("/v1/invoices", new { customerId = scenario.CustomerId, reason = "customer asked for an interim invoice" }))
            .ShouldBeJsonAsync(HttpStatusCode.Created);
        manual.Str("kind").ShouldBe("manual");
        manual.GetProperty("usageEnd").GetDateTimeOffset().ShouldBe(new DateTimeOffset(2026, 5, 15, 0, 0, 0, TimeSpan.Zero));
        manual.GetProperty("total").GetDecimal().ShouldBe(0.20m);
        await (await admin.PostAsJsonAsync("/v1/invoices", new { customerId = scenario.CustomerId }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "period_already_invoiced");
        await (await admin.PostAsJsonAsync("/v1/invoices", new { customerId = scenario.CustomerId, periodStart = "2026-05-02T00:00:00Z" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_error");

        await scenario.CallsAtAsync("2026-05-14T23:00:00Z");
        await scenario.SetClockAsync("2026-05-20T00:00:00Z");
        await scenario.CallsAtAsync("2026-05-19T00:00:00Z");

        // May is not invoiced a second time; its usage after the manual invoice is late usage in June.
        await scenario.SetClockAsync("2026-07-01T01:00:00Z");
        await scenario.SetClockAsync("2026-07-01T02:00:00Z");
        var invoices = await scenario.InvoicesAsync();
        invoices.Select(invoice => invoice.Str("kind")).ShouldBe(["scheduled", "manual"]);
        var finalManual = await scenario.InvoiceAsync(manual.Str("id"));
        finalManual.Str("status").ShouldBe("past_due", "net 30 from 20 May: due 19 June, unpaid on 1 July (INV-11)");
        finalManual.GetProperty("total").GetDecimal().ShouldBe(0.30m, "the draft took usage up to its end (15 May) when it finalized");
        var june = await scenario.InvoiceAsync(invoices[0].Str("id"));
        june.GetProperty("periodStart").GetDateTimeOffset().Month.ShouldBe(6);
        var late = june.GetProperty("lines").EnumerateArray().Single(line => line.Str("kind") == "late_usage");
        late.GetProperty("quantity").GetDecimal().ShouldBe(1m);
    }

    [Fact]
    public async Task Settings_refuse_a_grace_over_72_hours_and_one_a_daily_plan_cannot_fit_and_a_daily_plan_under_a_long_grace()
    {
        await using var factory = new BillingApiFactory();
        var admin = factory.ClientWith(BillingApiFactory.TestAdminKey);
        var defaults = await (await admin.GetAsync("/v1/settings/invoicing")).ShouldBeJsonAsync(HttpStatusCode.OK);
        (defaults.Str("closeDelay"), defaults.Str("defaultGracePeriod"), defaults.Str("lateUsageWindow")).ShouldBe(("PT1H", "PT1H", "P35D"));

        (await (await admin.PutAsJsonAsync("/v1/settings/invoicing", new { defaultGracePeriod = "PT73H" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_error"))
            .GetProperty("errors").GetProperty("defaultGracePeriod")[0].GetString()!.ShouldContain("72");
        (await (await admin.PutAsJsonAsync("/v1/settings/invoicing", new { defaultGracePeriod = "soon" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_error"))
            .GetProperty("errors").TryGetProperty("defaultGracePeriod", out _).ShouldBeTrue();
        await (await admin.PutAsJsonAsync("/v1/settings/invoicing", new { graceRules = new[] { new { gracePeriod = "PT2H" } } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_error");
        await (await factory.ClientWith(BillingApiFactory.TestClientKey).GetAsync("/v1/settings/invoicing")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");

        var saved = await (await admin.PutAsJsonAsync("/v1/settings/invoicing", new
        {
            defaultGracePeriod = "PT30H", graceRules = new[] { new { hasMeteredCharge = (bool?)true, fromSubscriptionCycle = (bool?)null, gracePeriod = "PT72H" } },
        })).ShouldBeJsonAsync(HttpStatusCode.OK);
        saved.Str("defaultGracePeriod").ShouldBe("P1DT6H");
        saved.GetProperty("graceRules")[0].Str("gracePeriod").ShouldBe("P3D");

        // INV-3: no daily plan while a grace of 24 hours or more is set...
        (await (await admin.PostAsJsonAsync("/v1/plans", new { code = "daily", name = "Daily", currency = "USD", interval = "daily", fixedFees = new { recurringFee = 1m } }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "grace_period_exceeds_interval")).Str("detail").ShouldContain("72 hours");

        // ...and no such grace while a daily plan exists.
        (await admin.PutAsJsonAsync("/v1/settings/invoicing", new { defaultGracePeriod = "PT23H", graceRules = Array.Empty<object>() })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.PostAsJsonAsync("/v1/plans", new { code = "daily", name = "Daily", currency = "USD", interval = "daily", fixedFees = new { recurringFee = 1m } }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        (await (await admin.PutAsJsonAsync("/v1/settings/invoicing", new { defaultGracePeriod = "PT24H" })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "grace_period_exceeds_interval"))
            .Str("detail").ShouldContain("24 hours");
        (await (await admin.GetAsync("/v1/settings/invoicing")).ShouldBeJsonAsync(HttpStatusCode.OK)).Str("defaultGracePeriod").ShouldBe("PT23H");

        // Settings are per environment.
        (await (await factory.ClientWith(BillingApiFactory.LiveAdminKey).GetAsync("/v1/settings/invoicing")).ShouldBeJsonAsync(HttpStatusCode.OK))
            .Str("defaultGracePeriod").ShouldBe("PT1H");
    }
}

/// <summary>MET-5 with INV-5: the late-usage window is an invoicing setting, and ingestion follows it.</summary>
public sealed class LateUsageWindowSettingTests
{
    [Fact]
    public async Task Ingestion_refuses_events_older_than_the_window_set_under_invoicing_settings()
    {
        await using var factory = new BillingApiFactory();
        var scenario = await InvoicingScenario.CreateAsync(factory, startDate: "2026-04-30T00:00:00Z");
        (await scenario.Admin.PutAsJsonAsync("/v1/settings/invoicing", new { lateUsageWindow = "P2D" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await scenario.SetClockAsync("2026-05-10T00:00:00Z");

        var events = new[]
        {
            new { id = "recent-" + scenario.Suffix, customer = "acme-" + scenario.Suffix, @event = scenario.Calls, timestamp = "2026-05-08T01:00:00Z" },
            new { id = "old-" + scenario.Suffix, customer = "acme-" + scenario.Suffix, @event = scenario.Calls, timestamp = "2026-05-07T23:00:00Z" },
        };
        var results = (await (await scenario.Admin.PostAsJsonAsync("/v1/events/batch", new { events })).ShouldBeJsonAsync(HttpStatusCode.OK)).GetProperty("results");
        results[0].Str("status").ShouldBe("accepted");
        (results[1].Str("status"), results[1].Str("reason")).ShouldBe(("rejected", "timestamp_too_old"));
    }
}
