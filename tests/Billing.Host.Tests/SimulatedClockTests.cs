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

/// <summary>
/// OPS-4: a move of the clock runs every job at each instant it fell due, in order, like Stripe's
/// test clocks: one jump gives the invoices, history times and notifications a walk gives.
/// </summary>
public sealed class ClockReplayTests
{
    private static readonly DateTimeOffset End = new(2026, 7, 5, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_jump_gives_the_same_invoices_history_times_and_notifications_as_a_walk()
    {
        await using var jumped = new BillingApiFactory();
        var jump = await ScenarioAsync(jumped);
        await jump.SetClockAsync(End.ToString("O"));

        await using var walked = new BillingApiFactory();
        var walk = await ScenarioAsync(walked);
        foreach (var step in Walk())
        {
            await walk.SetClockAsync(step.ToString("O"));
        }

        var afterJump = await RecordAsync(jump);
        var afterWalk = await RecordAsync(walk);
        afterJump.ShouldBe(afterWalk);

        // What the walk shows: May's draft at 01:00 after its close delay, final at 02:00 after its grace, past due the day after its due day.
        afterJump.ShouldBe([
            "TEST-000001 past_due 2026-05-01T00:00:00.0000000+00:00 total 10.2 due 2026-07-01T00:00:00+00:00",
            "TEST-000001 ->draft at 2026-06-01T01:00:00.0000000+00:00 by system:invoicing-cycle",
            "TEST-000001 draft->open at 2026-06-01T02:00:00.0000000+00:00 by system:invoicing-cycle",
            "TEST-000001 open->past_due at 2026-07-02T00:00:00.0000000+00:00 by system:invoicing-cycle",
            "TEST-000001 notification invoice.past_due admins at 2026-07-02T00:00:00.0000000+00:00",
            "TEST-000002 open 2026-06-01T00:00:00.0000000+00:00 total 10.0 due 2026-07-31T00:00:00+00:00",
            "TEST-000002 ->draft at 2026-07-01T01:00:00.0000000+00:00 by system:invoicing-cycle",
            "TEST-000002 draft->open at 2026-07-01T02:00:00.0000000+00:00 by system:invoicing-cycle",
        ]);
    }

    [Fact]
    public async Task A_move_of_more_than_ten_years_at_once_is_refused()
    {
        await using var factory = new BillingApiFactory();
        var admin = factory.ClientWith(BillingApiFactory.TestAdminKey);
        var start = BillingApiFactory.ClockStart;

        await (await admin.PutAsJsonAsync("/v1/test/clock", new { now = start.AddYears(10).AddSeconds(1) })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_error");
        await (await admin.PostAsJsonAsync("/v1/test/clock/advance", new { by = "P3660D" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_error");
        (await (await admin.GetAsync("/v1/test/clock")).ShouldBeJsonAsync(HttpStatusCode.OK)).GetProperty("now").GetDateTimeOffset().ShouldBe(start);
        await (await admin.PostAsJsonAsync("/v1/test/clock/advance", new { by = "P365D" })).ShouldBeJsonAsync(HttpStatusCode.OK);
    }

    private static async Task<InvoicingScenario> ScenarioAsync(BillingApiFactory factory)
    {
        var scenario = await InvoicingScenario.CreateAsync(factory, recurringFee: 10m);
        await scenario.SetClockAsync("2026-05-31T12:00:00Z");
        await scenario.CallsAtAsync("2026-05-03T00:00:00Z", "2026-05-31T11:00:00Z");
        return scenario;
    }

    /// <summary>Midnight of every day, and every hour of the nights the cycle works in.</summary>
    private static IEnumerable<DateTimeOffset> Walk()
    {
        for (var day = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero); day <= End; day = day.AddDays(1))
        {
            yield return day;
            if (day.Day == 1)
            {
                for (var hour = 1; hour <= 3; hour++)
                {
                    yield return day.AddHours(hour);
                }
            }
        }
    }

    /// <summary>Everything that happened, without the ids and names that differ between two hosts.</summary>
    private static async Task<List<string>> RecordAsync(InvoicingScenario scenario)
    {
        var lines = new List<string>();
        foreach (var invoice in (await scenario.InvoicesAsync()).OrderBy(invoice => invoice.GetProperty("periodStart").GetDateTimeOffset()))
        {
            var id = invoice.Str("id");
            var detail = await scenario.InvoiceAsync(id);
            var number = detail.GetProperty("number").GetString();
            lines.Add($"{number} {detail.Str("status")} {detail.GetProperty("periodStart").GetDateTimeOffset():O} total {detail.GetProperty("total").GetDecimal()} due {detail.GetProperty("dueDate")}");
            foreach (var entry in (await (await scenario.Admin.GetAsync($"/v1/invoices/{id}/history")).ShouldBeJsonAsync(HttpStatusCode.OK)).EnumerateArray())
            {
                var status = entry.GetProperty("changes").TryGetProperty("status", out var change)
                    ? $"{(change.GetProperty("from").ValueKind == System.Text.Json.JsonValueKind.String ? change.Str("from") : "")}->{change.Str("to")}"
                    : entry.Str("action");
                lines.Add($"{number} {status} at {entry.GetProperty("occurredAt").GetDateTimeOffset():O} by {entry.Str("actor")}");
            }

            foreach (var notification in (await (await scenario.Admin.GetAsync($"/v1/notifications?invoice={id}")).ShouldBeJsonAsync(HttpStatusCode.OK)).EnumerateArray())
            {
                lines.Add($"{number} notification {notification.Str("type")} {notification.Str("audience")} at {notification.GetProperty("createdAt").GetDateTimeOffset():O}");
            }
        }

        return lines;
    }
}
