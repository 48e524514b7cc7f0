using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Billing.Host.Tests.Support;

/// <summary>A customer and one meter per aggregation, with names of their own so tests sharing a host never collide.</summary>
public sealed class MeteringScenario
{
    private MeteringScenario(HttpClient client, string suffix, string customerId)
    {
        Client = client;
        Suffix = suffix;
        CustomerId = customerId;
    }

    public HttpClient Client { get; }

    public string Suffix { get; }

    public string CustomerId { get; }

    public string Customer => "cust-" + Suffix;

    public string Calls => "call-" + Suffix;

    public string Storage => "storage-" + Suffix;

    public string Peak => "peak-" + Suffix;

    public string Users => "user-" + Suffix;

    public string Seats => "seats-" + Suffix;

    public static async Task<MeteringScenario> CreateAsync(BillingApiFactory factory, string adminKey = BillingApiFactory.TestAdminKey)
    {
        var admin = factory.ClientWith(adminKey);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var customer = await (await admin.PostAsJsonAsync("/v1/customers", new { externalId = "cust-" + suffix, kind = "company", name = "Metered", currency = "USD" }))
            .ShouldBeJsonAsync(HttpStatusCode.Created);
        foreach (var (eventName, aggregation, property) in new[]
        {
            ("call-" + suffix, "count", (string?)null), ("storage-" + suffix, "sum", "gb"), ("peak-" + suffix, "max", "cpu"),
            ("user-" + suffix, "unique_count", "user_id"), ("seats-" + suffix, "latest", "seats"),
        })
        {
            (await admin.PostAsJsonAsync("/v1/meters", new { code = eventName, displayName = eventName, eventName, aggregation, property }))
                .StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        return new MeteringScenario(admin, suffix, customer.Str("id"));
    }

    public async Task<DateTimeOffset> NowAsync() =>
        (await (await Client.GetAsync("/v1/test/clock")).ShouldBeJsonAsync(HttpStatusCode.OK)).GetProperty("now").GetDateTimeOffset();

    public object Event(string id, string eventName, DateTimeOffset timestamp, object? properties = null) =>
        new { id = id + "-" + Suffix, customer = Customer, @event = eventName, timestamp = timestamp.ToString("O"), properties };

    public async Task<JsonElement> SendBatchAsync(params object[] events) =>
        await (await Client.PostAsJsonAsync("/v1/events/batch", new { events })).ShouldBeJsonAsync(HttpStatusCode.OK);

    /// <summary>The usage of one meter in [from, to): (quantity, event count).</summary>
    public async Task<(decimal Quantity, long Events)> UsageAsync(string meter, DateTimeOffset from, DateTimeOffset to)
    {
        var url = $"/v1/customers/{CustomerId}/usage?meter={meter}&from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(to.ToString("O"))}";
        var usage = await (await Client.GetAsync(url)).ShouldBeJsonAsync(HttpStatusCode.OK);
        var line = usage.GetProperty("meters").EnumerateArray().Single();
        return (line.GetProperty("quantity").GetDecimal(), line.GetProperty("eventCount").GetInt64());
    }
}
