using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Billing.Host.Tests.Support;

namespace Billing.Host.Tests;

/// <summary>
/// OPS-4, docs-adr/0047: the simulated clock is one clock per deployment. A move made through one
/// instance is the now of every other instance's next request, an instance started later reads it
/// rather than its own configured start, and no instance may take the deployment's clock back.
/// </summary>
public sealed class DeploymentClockTests
{
    [Fact]
    public async Task A_move_through_one_instance_is_the_now_of_every_instance_and_of_one_started_later()
    {
        await using var first = new BillingApiFactory();
        await using var second = new BillingApiFactory { DatabasePath = first.DatabasePath };
        var one = first.ClientWith(BillingApiFactory.TestAdminKey);
        var other = second.ClientWith(BillingApiFactory.TestAdminKey);
        (await NowAsync(other)).ShouldBe(BillingApiFactory.ClockStart);

        (await one.PutAsJsonAsync("/v1/test/clock", new { now = "2026-05-15T00:00:00Z" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await NowAsync(other)).ShouldBe(new DateTimeOffset(2026, 5, 15, 0, 0, 0, TimeSpan.Zero));

        (await other.PostAsJsonAsync("/v1/test/clock/advance", new { by = "P1D" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await NowAsync(one)).ShouldBe(new DateTimeOffset(2026, 5, 16, 0, 0, 0, TimeSpan.Zero));

        await using var later = new BillingApiFactory { DatabasePath = first.DatabasePath };
        var third = later.ClientWith(BillingApiFactory.TestAdminKey);
        (await NowAsync(third)).ShouldBe(new DateTimeOffset(2026, 5, 16, 0, 0, 0, TimeSpan.Zero), "the deployment's clock, not the configured start");

        var back = await (await third.PutAsJsonAsync("/v1/test/clock", new { now = "2026-05-15T12:00:00Z" })).ShouldBeJsonAsync(HttpStatusCode.Conflict);
        back.Str("code").ShouldBe("clock_backwards");
    }

    private static async Task<DateTimeOffset> NowAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/v1/test/clock")).GetProperty("now").GetDateTimeOffset();
}
