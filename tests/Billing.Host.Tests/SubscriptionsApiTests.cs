using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Billing.Host.Tests.Support;

namespace Billing.Host.Tests;

/// <summary>PLN-4 through HTTP, with each refusal the issue names.</summary>
public sealed class SubscriptionsApiTests(BillingApiFactory factory) : IClassFixture<BillingApiFactory>
{
    private readonly HttpClient _admin = factory.ClientWith(BillingApiFactory.TestAdminKey);

    [Fact]
    public async Task A_subscription_defaults_its_anchor_to_the_start_day_and_its_terms_to_the_collection_method()
    {
        var (customerId, planCode) = await CustomerAndPlanAsync("USD", "USD");

        var created = await (await _admin.PostAsJsonAsync("/v1/subscriptions", new { customerId, planCode, collectionMethod = "send_invoice" }))
            .ShouldBeJsonAsync(HttpStatusCode.Created);

        created.Str("id").ShouldStartWith("sub_");
        created.GetProperty("startDate").GetDateTimeOffset().ShouldBe(new DateTimeOffset(2026, 4, 30, 0, 0, 0, TimeSpan.Zero));
        created.GetProperty("anchorDay").GetInt32().ShouldBe(30);
        created.GetProperty("netTermsDays").GetInt32().ShouldBe(30);
        created.Str("planCode").ShouldBe(planCode);

        var client = factory.ClientWith(BillingApiFactory.TestClientKey);
        (await (await client.GetAsync($"/v1/subscriptions/{created.Str("id")}")).ShouldBeJsonAsync(HttpStatusCode.OK)).GetRawText().ShouldBe(created.GetRawText());
        var list = await (await client.GetAsync($"/v1/subscriptions?customer={customerId}")).ShouldBeJsonAsync(HttpStatusCode.OK);
        list.GetProperty("data").EnumerateArray().Select(subscription => subscription.Str("id")).ShouldBe([created.Str("id")]);

        var (other, otherPlan) = await CustomerAndPlanAsync("USD", "USD");
        var automatic = await (await _admin.PostAsJsonAsync("/v1/subscriptions", new { customerId = other, planCode = otherPlan, collectionMethod = "charge_automatically", anchorDay = 1, startDate = "2026-05-10T00:00:00Z" }))
            .ShouldBeJsonAsync(HttpStatusCode.Created);
        (automatic.GetProperty("anchorDay").GetInt32(), automatic.GetProperty("netTermsDays").GetInt32()).ShouldBe((1, 0));
    }

    [Fact]
    public async Task Unknown_customers_and_plans_are_named_and_state_conflicts_are_409()
    {
        var (customerId, planCode) = await CustomerAndPlanAsync("USD", "USD");
        var (_, euroPlan) = await CustomerAndPlanAsync("EUR", "EUR");

        (await Refused(new { customerId = "cus_nobody", planCode, collectionMethod = "send_invoice" }, HttpStatusCode.BadRequest, "validation_error"))
            .GetProperty("errors").GetProperty("customerId")[0].GetString()!.ShouldContain("cus_nobody");
        (await Refused(new { customerId, planCode = "no-plan", collectionMethod = "send_invoice" }, HttpStatusCode.BadRequest, "validation_error"))
            .GetProperty("errors").GetProperty("planCode")[0].GetString()!.ShouldContain("no-plan");
        (await Refused(new { customerId, planCode, collectionMethod = "send_invoice", startDate = "2026-04-29T00:00:00Z" }, HttpStatusCode.BadRequest, "validation_error"))
            .GetProperty("errors").TryGetProperty("startDate", out _).ShouldBeTrue();
        var fields = await Refused(new { anchorDay = 32, collectionMethod = "cash", netTermsDays = 400 }, HttpStatusCode.BadRequest, "validation_error");
        fields.GetProperty("errors").EnumerateObject().Select(field => field.Name).ShouldBe(["customerId", "planCode", "anchorDay", "collectionMethod", "netTermsDays"], ignoreOrder: true);

        await Refused(new { customerId, planCode = euroPlan, collectionMethod = "send_invoice" }, HttpStatusCode.Conflict, "currency_mismatch");
        (await _admin.PostAsJsonAsync("/v1/subscriptions", new { customerId, planCode, collectionMethod = "send_invoice" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        await Refused(new { customerId, planCode, collectionMethod = "charge_automatically" }, HttpStatusCode.Conflict, "subscription_exists");

        var (archived, archivedPlan) = await CustomerAndPlanAsync("USD", "USD");
        (await _admin.PostAsync($"/v1/customers/{archived}/archive", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Refused(new { customerId = archived, planCode = archivedPlan, collectionMethod = "send_invoice" }, HttpStatusCode.Conflict, "customer_archived");

        await (await factory.ClientWith(BillingApiFactory.TestClientKey).PostAsJsonAsync("/v1/subscriptions", new { customerId, planCode, collectionMethod = "send_invoice" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await factory.ClientWith(BillingApiFactory.LiveAdminKey).PostAsJsonAsync("/v1/subscriptions", new { customerId, planCode, collectionMethod = "send_invoice" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_error");
    }

    private async Task<JsonElement> Refused(object body, HttpStatusCode status, string code) =>
        await (await _admin.PostAsJsonAsync("/v1/subscriptions", body)).ShouldBeProblemAsync(status, code);

    private async Task<(string CustomerId, string PlanCode)> CustomerAndPlanAsync(string customerCurrency, string planCurrency)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var customer = await (await _admin.PostAsJsonAsync("/v1/customers", new { externalId = "sub-" + suffix, kind = "company", name = "Subscriber", currency = customerCurrency }))
            .ShouldBeJsonAsync(HttpStatusCode.Created);
        var plan = await (await _admin.PostAsJsonAsync("/v1/plans", new { code = "plan-" + suffix, name = "Flat", currency = planCurrency, interval = "monthly", fixedFees = new { recurringFee = 10m } }))
            .ShouldBeJsonAsync(HttpStatusCode.Created);
        return (customer.Str("id"), plan.Str("code"));
    }
}

/// <summary>INV-12: the preview is the invoice of the period so far, computed as the real one will be.</summary>
public sealed class UpcomingInvoiceTests(BillingApiFactory factory) : IClassFixture<BillingApiFactory>
{
    [Fact]
    public async Task The_preview_for_a_customer_with_three_meters_matches_the_invoice_computed_by_hand()
    {
        var s = await MeteringScenario.CreateAsync(factory);
        var admin = s.Client;
        var customer = await (await admin.PatchAsJsonAsync($"/v1/customers/{s.CustomerId}", new { taxRate = 10m })).ShouldBeJsonAsync(HttpStatusCode.OK);
        customer.GetProperty("taxRate").GetDecimal().ShouldBe(10m);
        await (await admin.PostAsJsonAsync("/v1/plans", new
        {
            code = "usage-" + s.Suffix,
            name = "Usage",
            currency = "USD",
            interval = "monthly",
            fixedFees = new { recurringFee = 20m, setupFee = 5m },
            charges = new object[]
            {
                new { meter = s.Calls, model = "per_unit", unitPrice = 0.01m, freeUnits = 100 },
                new { meter = s.Storage, model = "graduated", tiers = new object[] { new { upTo = 10, unitPrice = 1m }, new { unitPrice = 0.5m } } },
                new { meter = s.Users, model = "package", packageSize = 2, packagePrice = 3m },
            },
        })).ShouldBeJsonAsync(HttpStatusCode.Created);
        var subscription = await (await admin.PostAsJsonAsync("/v1/subscriptions", new { customerId = s.CustomerId, planCode = "usage-" + s.Suffix, collectionMethod = "charge_automatically", anchorDay = 1 }))
            .ShouldBeJsonAsync(HttpStatusCode.Created);

        var now = await s.NowAsync();
        var events = Enumerable.Range(0, 250).Select(i => s.Event($"call{i}", s.Calls, now.AddMinutes(-i)))
            .Concat(new[] { s.Event("gb1", s.Storage, now, new { gb = 7.5m }), s.Event("gb2", s.Storage, now.AddHours(-1), new { gb = 5 }) })
            .Concat(new[] { "ann", "bob", "cy", "ann" }.Select((user, i) => s.Event($"u{i}", s.Users, now.AddHours(-i), new { user_id = user })))
            .ToArray();
        (await s.SendBatchAsync(events)).GetProperty("accepted").GetInt32().ShouldBe(256);

        var preview = await (await factory.ClientWith(BillingApiFactory.TestClientKey).GetAsync($"/v1/subscriptions/{subscription.Str("id")}/upcoming-invoice"))
            .ShouldBeJsonAsync(HttpStatusCode.OK);

        // First period [30 Apr, 1 May): recurring 20.00 + setup 5.00;
        // calls 250 − 100 free = 150 × 0.01 = 1.50; storage 12.5 GB: 10 × 1.00 + 2.5 × 0.50 = 11.25;
        // users 3 distinct → 2 packages of 2 × 3.00 = 6.00; subtotal 43.75; tax 10 % = 4.375 → 4.38; total 48.13.
        preview.GetProperty("periodStart").GetDateTimeOffset().ShouldBe(new DateTimeOffset(2026, 4, 30, 0, 0, 0, TimeSpan.Zero));
        preview.GetProperty("periodEnd").GetDateTimeOffset().ShouldBe(new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero));
        preview.GetProperty("planVersion").GetInt32().ShouldBe(1);
        preview.GetProperty("lines").EnumerateArray().Select(line => (line.Str("kind"), line.Str("code"), line.GetProperty("amount").GetDecimal())).ShouldBe(
        [
            ("fixed_fee", "recurring_fee", 20.00m), ("fixed_fee", "setup_fee", 5.00m),
            ("usage", s.Calls, 1.50m), ("usage", s.Storage, 11.25m), ("usage", s.Users, 6.00m), ("tax", "tax", 4.38m),
        ]);
        (preview.GetProperty("subtotal").GetDecimal(), preview.GetProperty("tax").GetDecimal(), preview.GetProperty("total").GetDecimal()).ShouldBe((43.75m, 4.38m, 48.13m));
        preview.GetProperty("lines")[3].GetProperty("computation")[0].GetString().ShouldBe("tier 0–10: 10 × 1 = 10");

        // The next period: no setup fee, no usage yet.
        (await admin.PutAsJsonAsync("/v1/test/clock", new { now = new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero) })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var next = await (await admin.GetAsync($"/v1/subscriptions/{subscription.Str("id")}/upcoming-invoice")).ShouldBeJsonAsync(HttpStatusCode.OK);
        next.GetProperty("periodEnd").GetDateTimeOffset().ShouldBe(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        next.GetProperty("total").GetDecimal().ShouldBe(22.00m);
        await (await admin.GetAsync("/v1/subscriptions/sub_nope/upcoming-invoice")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
    }
}
