using System.Net;
using System.Text;
using System.Text.Json;
using Billing.Host.Tests.FakeStripe;
using Billing.Host.Tests.Support;

namespace Billing.Host.Tests;

/// <summary>
/// API-1: JSON that parses but holds what no request means — a lone surrogate, a null element in a
/// list, a key twice — and a URL longer than the API takes: each is a 4xx problem naming what is
/// wrong, never a 500, and never half-applied.
/// </summary>
public sealed class JsonInputTests
{
    private const string LoneSurrogate = "\\ud800";

    [Fact]
    public async Task A_lone_surrogate_in_an_event_rejects_that_event_alone_in_a_batch_and_the_single_event_with_400()
    {
        await using var factory = new BillingApiFactory();
        var scenario = await MeteringScenario.CreateAsync(factory);
        var now = await scenario.NowAsync();
        var at = now.AddMinutes(-1).ToString("O");
        string Event(string id, string properties) =>
            $$"""{"id":"{{id}}","customer":"{{scenario.Customer}}","event":"{{scenario.Users}}","timestamp":"{{at}}","properties":{{properties}}}""";

        var batch = await (await scenario.Client.PostAsync("/v1/events/batch", Json($$"""
            {"events":[
              {{Event("ok-" + scenario.Suffix, """{"user_id":"u1"}""")}},
              {{Event("bad-id-" + LoneSurrogate, """{"user_id":"u2"}""")}},
              {{Event("bad-value-" + scenario.Suffix, $$"""{"user_id":"u{{LoneSurrogate}}"}""")}}
            ]}
            """))).ShouldBeJsonAsync(HttpStatusCode.OK);
        batch.GetProperty("accepted").GetInt32().ShouldBe(1);
        var results = batch.GetProperty("results").EnumerateArray().ToList();
        results.Select(result => result.Str("status")).ShouldBe(["accepted", "rejected", "rejected"]);
        results.Skip(1).ShouldAllBe(result => result.Str("reason") == "invalid_event");
        results[1].GetProperty("id").ValueKind.ShouldBe(JsonValueKind.Null);
        results[2].Str("id").ShouldBe("bad-value-" + scenario.Suffix);

        var single = await scenario.Client.PostAsync("/v1/events", Json(Event("single-" + scenario.Suffix, $$"""{"user_id":"{{LoneSurrogate}}"}""")));
        (await single.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid_event")).Str("detail").ShouldContain("not valid Unicode");

        // In a key, the body's reader meets it while checking keys are not repeated, before any event is parsed: the whole body is refused.
        var key = await scenario.Client.PostAsync("/v1/events/batch", Json($$"""{"events":[{{Event("bad-key-" + scenario.Suffix, $$"""{"user_id":"u3","k{{LoneSurrogate}}":1}""")}}]}"""));
        (await key.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid_json")).Str("detail").ShouldContain("not valid Unicode");

        var (quantity, events) = await scenario.UsageAsync(scenario.Users, now.AddDays(-1), now.AddDays(1));
        (quantity, events).ShouldBe((1m, 1L));
    }

    [Fact]
    public async Task A_lone_surrogate_on_other_routes_is_a_400_naming_the_field()
    {
        await using var factory = new BillingApiFactory();
        var admin = factory.ClientWith(BillingApiFactory.TestAdminKey);

        var customer = await (await admin.PostAsync("/v1/customers", Json($$"""{"externalId":"x{{LoneSurrogate}}","kind":"company","name":"A","currency":"USD"}""")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid_json");
        customer.GetProperty("errors").TryGetProperty("externalId", out _).ShouldBeTrue();
        var plan = await (await admin.PostAsync("/v1/plans", Json($$"""{"code":"p","name":"P{{LoneSurrogate}}","currency":"USD","interval":"monthly","fixedFees":{"recurringFee":1},"charges":[]}""")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid_json");
        plan.GetProperty("errors").TryGetProperty("name", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task A_correctly_signed_stripe_webhook_with_a_lone_surrogate_is_a_400()
    {
        using var factory = new StripeApiFactory();
        var client = factory.CreateClient();
        var now = DateTimeOffset.UtcNow;
        var payload = "{\"id\":\"evt_1\",\"object\":\"event\",\"type\":\"invoice.paid\",\"created\":" + now.ToUnixTimeSeconds()
            + ",\"data\":{\"object\":{\"id\":\"in_" + LoneSurrogate + "\",\"object\":\"invoice\",\"metadata\":{}}}}";
        var content = new StringContent(payload, Encoding.UTF8, "application/json");
        content.Headers.Add("Stripe-Signature", FakeStripeServer.Sign(payload, now, FakeStripeServer.WebhookSecret));

        var refused = await (await client.PostAsync("/webhooks/stripe/test", content)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid_signature");
        refused.Str("detail").ShouldContain("not valid Unicode");
    }

    [Theory]
    [InlineData("/v1/plans", "POST", """{"code":"p1","name":"P","currency":"USD","interval":"monthly","fixedFees":{"recurringFee":1},"charges":[null]}""", "charges[0]")]
    [InlineData("/v1/plans", "POST", """{"code":"p2","name":"P","currency":"USD","interval":"monthly","fixedFees":{"recurringFee":1},"charges":[{"meter":"m","model":"graduated","tiers":[{"unitPrice":1},null]}]}""", "tiers[1]")]
    [InlineData("/v1/plans/p0/versions", "POST", """{"effectiveFrom":"2027-01-01T00:00:00Z","fixedFees":{"recurringFee":1},"charges":[null]}""", "charges[0]")]
    [InlineData("/v1/settings/invoicing", "PUT", """{"closeDelay":"PT1H","defaultGracePeriod":"PT1H","defaultNetTermsDays":30,"lateUsageWindow":"P35D","graceRules":[null]}""", "graceRules[0]")]
    public async Task A_null_element_in_a_list_is_a_400_naming_it(string path, string method, string body, string field)
    {
        await using var factory = new BillingApiFactory();
        var admin = factory.ClientWith(BillingApiFactory.TestAdminKey);

        var response = await admin.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = Json(body) });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid_json");
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(problem.ToString());
    }

    [Theory]
    [InlineData("/v1/customers", "POST", """{"externalId":"a1","externalId":"a2","kind":"company","name":"A","currency":"USD"}""", "externalId")]
    [InlineData("/v1/customers", "POST", """{"externalId":"a3","kind":"company","name":"A","currency":"USD","notificationPreferences":{"pastDue":"none","pastDue":"email"}}""", "notificationPreferences.pastDue")]
    [InlineData("/v1/meters", "POST", """{"code":"m","code":"n","displayName":"M","eventName":"m","aggregation":"count"}""", "code")]
    [InlineData("/v1/events/batch", "POST", """{"events":[{"id":"e1","id":"e2","customer":"c","event":"e","timestamp":"2026-04-30T00:00:00Z"}]}""", "id")]
    [InlineData("/v1/events", "POST", """{"id":"e1","customer":"c","customer":"d","event":"e","timestamp":"2026-04-30T00:00:00Z"}""", "customer")]
    [InlineData("/v1/settings/invoicing", "PUT", """{"closeDelay":"PT1H","closeDelay":"PT2H","defaultGracePeriod":"PT1H","defaultNetTermsDays":30,"lateUsageWindow":"P35D","graceRules":[]}""", "closeDelay")]
    public async Task A_key_given_twice_in_one_object_is_a_400_naming_the_key(string path, string method, string body, string field)
    {
        await using var factory = new BillingApiFactory();
        var admin = factory.ClientWith(BillingApiFactory.TestAdminKey);

        var response = await admin.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = Json(body) });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid_json");
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(problem.ToString());
        problem.Str("detail").ShouldContain("more than once");
        var customers = await (await admin.GetAsync("/v1/customers")).ShouldBeJsonAsync(HttpStatusCode.OK);
        customers.GetProperty("data").GetArrayLength().ShouldBe(0, "nothing of a refused request is written");
    }

    [Fact]
    public async Task A_url_longer_than_the_api_takes_is_a_414_problem()
    {
        await using var factory = new BillingApiFactory();
        var client = factory.ClientWith(BillingApiFactory.TestClientKey);

        await (await client.GetAsync("/v1/customers/" + new string('a', 20_000))).ShouldBeProblemAsync(HttpStatusCode.RequestUriTooLong, "uri_too_long");
        await (await client.GetAsync("/v1/customers?q=" + new string('a', 9_000))).ShouldBeProblemAsync(HttpStatusCode.RequestUriTooLong, "uri_too_long");
        (await client.GetAsync("/v1/customers?q=" + new string('a', 100))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
