using System.Net;
using System.Net.Http.Json;
using Billing.Host.Tests.Support;

namespace Billing.Host.Tests;

/// <summary>OPS-4: a simulated server exposes its clock to admins; the clock moves only forward.</summary>
public sealed class SimulatedClockTests(BillingApiFactory factory) : IClassFixture<BillingApiFactory>
{
    private readonly HttpClient _admin = factory.ClientWith(BillingApiFactory.LiveAdminKey);

    [Fact]
    public async Task The_clock_advances_and_is_set_forward_and_what_is_created_carries_its_time()
    {
        var start = (await (await _admin.GetAsync("/v1/test/clock")).ShouldBeJsonAsync(HttpStatusCode.OK)).GetProperty("now").GetDateTimeOffset();

        var advanced = await (await _admin.PostAsJsonAsync("/v1/test/clock/advance", new { by = "P1DT2H" })).ShouldBeJsonAsync(HttpStatusCode.OK);
        advanced.GetProperty("now").GetDateTimeOffset().ShouldBe(start.AddDays(1).AddHours(2));

        var target = start.AddDays(30);
        var set = await (await _admin.PutAsJsonAsync("/v1/test/clock", new { now = target })).ShouldBeJsonAsync(HttpStatusCode.OK);
        set.GetProperty("now").GetDateTimeOffset().ShouldBe(target);

        var customer = await (await _admin.PostAsJsonAsync("/v1/customers", new { externalId = "timed", kind = "company", name = "Timed", currency = "USD" }))
            .ShouldBeJsonAsync(HttpStatusCode.Created);
        customer.GetProperty("createdAt").GetDateTimeOffset().ShouldBe(target);
    }

    [Fact]
    public async Task The_clock_refuses_to_go_backwards()
    {
        var now = (await (await _admin.GetAsync("/v1/test/clock")).ShouldBeJsonAsync(HttpStatusCode.OK)).GetProperty("now").GetDateTimeOffset();

        await (await _admin.PutAsJsonAsync("/v1/test/clock", new { now = now.AddSeconds(-1) })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "clock_backwards");
        await (await _admin.PostAsJsonAsync("/v1/test/clock/advance", new { by = "-PT1H" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_error");
        await (await _admin.PostAsJsonAsync("/v1/test/clock/advance", new { by = "soon" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_error");
        await (await _admin.PostAsJsonAsync("/v1/test/clock/advance", new { })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_error");
    }

    [Fact]
    public async Task Only_admins_move_the_clock()
    {
        var client = factory.ClientWith(BillingApiFactory.TestClientKey);

        await (await client.PostAsJsonAsync("/v1/test/clock/advance", new { by = "PT1H" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }
}

/// <summary>OPS-4: the clock routes exist only on a simulated server.</summary>
public sealed class RealClockTests(RealClockTests.RealClockFactory factory) : IClassFixture<RealClockTests.RealClockFactory>
{
    [Fact]
    public async Task Without_the_simulated_clock_setting_the_clock_routes_do_not_exist()
    {
        var admin = factory.ClientWith(BillingApiFactory.TestAdminKey);

        await (await admin.GetAsync("/v1/test/clock")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await admin.PostAsJsonAsync("/v1/test/clock/advance", new { by = "PT1H" })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    public sealed class RealClockFactory : BillingApiFactory
    {
        protected override Dictionary<string, string?> Settings()
        {
            var settings = base.Settings();
            settings["Billing:Clock:Simulated"] = "false";
            return settings;
        }
    }
}
