using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Billing.Host.Tests.Support;
using Billing.Testing;

namespace Billing.Host.Tests;

/// <summary>PLN-1..3 through HTTP: plans, their charge models, versions with effective dates.</summary>
public sealed class PlansApiTests(BillingApiFactory factory) : IClassFixture<BillingApiFactory>
{
    private readonly HttpClient _admin = factory.ClientWith(BillingApiFactory.TestAdminKey);

    [Fact]
    public async Task A_plan_keeps_every_charge_model_and_sub_cent_prices_as_given()
    {
        var s = await MeteringScenario.CreateAsync(factory);
        var code = "pro-" + s.Suffix;

        var created = await (await _admin.PostAsJsonAsync("/v1/plans", new
        {
            code,
            name = "Pro",
            currency = "USD",
            interval = "monthly",
            fixedFees = new { recurringFee = 49m, setupFee = 100m, minimumCommitment = 20m },
            charges = new object[]
            {
                new { meter = s.Calls, model = "per_unit", unitPrice = 0.0004m, freeUnits = 1000 },
                new { meter = s.Storage, model = "graduated", tiers = new object[] { new { upTo = 100, unitPrice = 0.10m }, new { unitPrice = 0.05m, flatFee = 2m } } },
                new { meter = s.Peak, model = "volume", tiers = new object[] { new { upTo = 10, unitPrice = 1m }, new { unitPrice = 0.5m } } },
                new { meter = s.Users, model = "package", packageSize = 50, packagePrice = 5m },
            },
        })).ShouldBeJsonAsync(HttpStatusCode.Created);

        created.Str("id").ShouldStartWith("plan_");
        created.GetProperty("currentVersion").GetInt32().ShouldBe(1);
        var version = created.GetProperty("versions")[0];
        version.GetProperty("fixedFees").GetProperty("setupFee").GetDecimal().ShouldBe(100m);
        var charges = version.GetProperty("charges").EnumerateArray().ToList();
        charges.Select(charge => charge.Str("model")).ShouldBe(["per_unit", "graduated", "volume", "package"]);
        charges[0].GetProperty("unitPrice").GetDecimal().ShouldBe(0.0004m);
        charges[0].GetProperty("freeUnits").GetDecimal().ShouldBe(1000m);
        charges[1].GetProperty("tiers")[1].GetProperty("upTo").ValueKind.ShouldBe(JsonValueKind.Null);
        charges[3].GetProperty("packageSize").GetDecimal().ShouldBe(50m);

        var read = await (await factory.ClientWith(BillingApiFactory.TestClientKey).GetAsync($"/v1/plans/{code}")).ShouldBeJsonAsync(HttpStatusCode.OK);
        read.GetRawText().ShouldBe(created.GetRawText());
        var list = await (await _admin.GetAsync("/v1/plans")).ShouldBeJsonAsync(HttpStatusCode.OK);
        list.GetProperty("data").EnumerateArray().ShouldContain(plan => plan.Str("code") == code);
    }

    [Fact]
    public async Task A_price_change_is_a_new_version_from_its_effective_date_never_backdated()
    {
        var s = await MeteringScenario.CreateAsync(factory);
        var code = "basic-" + s.Suffix;
        await (await _admin.PostAsJsonAsync("/v1/plans", Plan(code, s.Calls, 0.01m))).ShouldBeJsonAsync(HttpStatusCode.Created);
        var now = await s.NowAsync();

        var changed = await (await _admin.PostAsJsonAsync($"/v1/plans/{code}/versions", new
        {
            effectiveFrom = now.AddDays(10),
            fixedFees = new { recurringFee = 15m },
            charges = new[] { new { meter = s.Calls, model = "per_unit", unitPrice = 0.02m } },
        })).ShouldBeJsonAsync(HttpStatusCode.Created);

        changed.GetProperty("currentVersion").GetInt32().ShouldBe(2);
        var versions = changed.GetProperty("versions").EnumerateArray().ToList();
        versions[0].GetProperty("charges")[0].GetProperty("unitPrice").GetDecimal().ShouldBe(0.01m);
        versions[1].GetProperty("charges")[0].GetProperty("unitPrice").GetDecimal().ShouldBe(0.02m);
        versions[1].GetProperty("effectiveFrom").GetDateTimeOffset().ShouldBe(now.AddDays(10));

        var backdated = new { effectiveFrom = now.AddDays(-1), charges = new[] { new { meter = s.Calls, model = "per_unit", unitPrice = 0.03m } } };
        await (await _admin.PostAsJsonAsync($"/v1/plans/{code}/versions", backdated)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "effective_date_in_past");
        var beforeLatest = new { effectiveFrom = now.AddDays(5), charges = new[] { new { meter = s.Calls, model = "per_unit", unitPrice = 0.03m } } };
        await (await _admin.PostAsJsonAsync($"/v1/plans/{code}/versions", beforeLatest)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "effective_date_not_after_latest");
        await (await _admin.PostAsJsonAsync("/v1/plans/no-such-plan/versions", beforeLatest)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");

        // AUD-1: the price change is on record with the key that made it and the prices before and after.
        var history = (await TestDatabases.RowsAsync(
                factory.DatabasePath,
                $"SELECT action, actor, changes FROM {TestDatabases.Table("invoicing", "audit_log")} WHERE entity_id = '{changed.Str("id")}' ORDER BY sequence"))
            .Select(row => (Action: (string)row[0]!, Actor: (string)row[1]!, Changes: (string)row[2]!))
            .ToList();

        history.Select(entry => entry.Action).ShouldBe(["created", "price_changed"]);
        history[1].Actor.ShouldStartWith("key_");
        var prices = JsonDocument.Parse(history[1].Changes).RootElement.GetProperty("prices");
        prices.GetProperty("from").GetProperty("charges")[0].GetProperty("unitPrice").GetDecimal().ShouldBe(0.01m);
        prices.GetProperty("to").GetProperty("charges")[0].GetProperty("unitPrice").GetDecimal().ShouldBe(0.02m);
    }

    [Fact]
    public async Task Charges_must_name_existing_meters_and_be_consistent()
    {
        var s = await MeteringScenario.CreateAsync(factory);

        var unknown = await (await _admin.PostAsJsonAsync("/v1/plans", Plan("x-" + s.Suffix, "no-such-meter", 1m))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_error");
        unknown.GetProperty("errors").GetProperty("charges[0].meter")[0].GetString()!.ShouldContain("no-such-meter");

        object[] invalid =
        [
            new { meter = s.Calls, model = "per_unit" },
            new { meter = s.Calls, model = "graduated", tiers = new object[] { new { upTo = 100, unitPrice = 1m }, new { upTo = 50, unitPrice = 1m }, new { unitPrice = 1m } } },
            new { meter = s.Calls, model = "volume", tiers = new object[] { new { upTo = 100, unitPrice = 1m } } },
            new { meter = s.Calls, model = "package", packageSize = 0, packagePrice = 1m },
            new { meter = s.Calls, model = "tiered_magic", unitPrice = 1m },
            new { meter = s.Calls, model = "per_unit", unitPrice = -1m },
        ];
        foreach (var charge in invalid)
        {
            var body = new { code = "bad-" + s.Suffix, name = "Bad", currency = "USD", interval = "monthly", charges = new[] { charge } };
            var problem = await (await _admin.PostAsJsonAsync("/v1/plans", body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_error");
            problem.GetProperty("errors").EnumerateObject().ShouldContain(field => field.Name.StartsWith("charges[0]", StringComparison.Ordinal), problem.GetRawText());
        }

        var twice = new { code = "twice-" + s.Suffix, name = "Twice", currency = "USD", interval = "monthly", charges = new[] { new { meter = s.Calls, model = "per_unit", unitPrice = 1m }, new { meter = s.Calls, model = "per_unit", unitPrice = 2m } } };
        await (await _admin.PostAsJsonAsync("/v1/plans", twice)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_error");
        var fields = new { code = "", name = "", currency = "XXX", interval = "hourly", fixedFees = new { recurringFee = -1m } };
        var named = await (await _admin.PostAsJsonAsync("/v1/plans", fields)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_error");
        named.GetProperty("errors").EnumerateObject().Select(field => field.Name).ShouldBe(["code", "name", "currency", "interval", "fixedFees.recurringFee"], ignoreOrder: true);
    }

    [Fact]
    public async Task Plan_codes_are_unique_per_environment_and_only_admins_set_prices()
    {
        var s = await MeteringScenario.CreateAsync(factory);
        var code = "unique-" + s.Suffix;
        (await _admin.PostAsJsonAsync("/v1/plans", Plan(code, s.Calls, 1m))).StatusCode.ShouldBe(HttpStatusCode.Created);

        await (await _admin.PostAsJsonAsync("/v1/plans", Plan(code, s.Calls, 1m))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "plan_exists");
        await (await factory.ClientWith(BillingApiFactory.TestClientKey).PostAsJsonAsync("/v1/plans", Plan(code + "-c", s.Calls, 1m))).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await factory.ClientWith(BillingApiFactory.LiveAdminKey).GetAsync($"/v1/plans/{code}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    private static object Plan(string code, string meter, decimal unitPrice) => new
    {
        code,
        name = "Plan " + code,
        currency = "USD",
        interval = "monthly",
        fixedFees = new { recurringFee = 10m },
        charges = new[] { new { meter, model = "per_unit", unitPrice } },
    };
}
