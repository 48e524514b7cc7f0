using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Billing.Host.Tests.Support;
using Billing.Testing;
using Microsoft.Data.Sqlite;

namespace Billing.Host.Tests;

/// <summary>
/// MET-3: an acknowledged event is durable — it survives a SIGKILL of the process the instant after
/// the response — and MET-4: replaying acknowledged events after the restart counts none twice.
/// </summary>
public sealed class DurabilityTests : IAsyncLifetime
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), "billing-tests", $"durability-{Guid.NewGuid():N}.db");

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_databasePath)!);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Every_acknowledged_event_is_there_exactly_once_after_a_SIGKILL_mid_stream()
    {
        var acknowledged = new ConcurrentDictionary<string, byte>();
        var sent = new ConcurrentBag<object[]>();
        string customerId;
        await using (var host = await HostProcess.StartAsync(_databasePath))
        {
            customerId = await SetUpAsync(host.Client);
            var now = DateTimeOffset.UtcNow;
            using var stop = new CancellationTokenSource();
            var enoughAcknowledged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

            // Eight clients send batches of 200 until the host dies under them.
            var senders = Enumerable.Range(0, 8).Select(client => Task.Run(async () =>
            {
                for (var batch = 0; !stop.IsCancellationRequested; batch++)
                {
                    var events = Enumerable.Range(0, 200)
                        .Select(i => (object)new { id = $"c{client}-b{batch}-e{i}", customer = "durable", @event = "api_call", timestamp = now.ToString("O") })
                        .ToArray();
                    try
                    {
                        var response = await host.Client.PostAsJsonAsync("/v1/events/batch", new { events });
                        if (response.StatusCode != HttpStatusCode.OK)
                        {
                            continue;
                        }

                        var results = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results");
                        foreach (var result in results.EnumerateArray().Where(result => result.GetProperty("status").GetString() == "accepted"))
                        {
                            acknowledged.TryAdd(result.GetProperty("id").GetString()!, 0);
                        }

                        sent.Add(events);
                        if (acknowledged.Count >= 4_000)
                        {
                            enoughAcknowledged.TrySetResult();
                        }
                    }
                    catch (HttpRequestException)
                    {
                        return; // the host is gone
                    }
                }
            })).ToList();

            await enoughAcknowledged.Task.WaitAsync(TimeSpan.FromSeconds(120));
            await host.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(senders);
        }

        acknowledged.Count.ShouldBeGreaterThanOrEqualTo(4_000);
        SqliteConnection.ClearAllPools();

        await using (var restarted = await HostProcess.StartAsync(_databasePath))
        {
            var stored = await StoredIdsAsync(acknowledged.Keys.ToList());
            stored.ShouldBe(acknowledged.Count, "every acknowledged event is stored, once");

            var before = await UsageAsync(restarted.Client, customerId);
            foreach (var events in sent)
            {
                var replay = await (await restarted.Client.PostAsJsonAsync("/v1/events/batch", new { events })).ShouldBeJsonAsync(HttpStatusCode.OK);
                replay.GetProperty("accepted").GetInt32().ShouldBe(0);
            }

            (await UsageAsync(restarted.Client, customerId)).ShouldBe(before);
            before.ShouldBeGreaterThanOrEqualTo(acknowledged.Count);
        }
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        TestDatabases.Drop(_databasePath);
        return Task.CompletedTask;
    }

    private static async Task<string> SetUpAsync(HttpClient admin)
    {
        var customer = await (await admin.PostAsJsonAsync("/v1/customers", new { externalId = "durable", kind = "company", name = "Durable", currency = "USD" }))
            .ShouldBeJsonAsync(HttpStatusCode.Created);
        (await admin.PostAsJsonAsync("/v1/meters", new { code = "api_calls", displayName = "API calls", eventName = "api_call", aggregation = "count" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        return customer.Str("id");
    }

    private async Task<long> StoredIdsAsync(IReadOnlyList<string> ids)
    {
        var stored = 0L;
        foreach (var chunk in ids.Chunk(500))
        {
            stored += await TestDatabases.ScalarAsync(
                _databasePath,
                $"SELECT COUNT(*) FROM {TestDatabases.Table("metering", "usage_events")} WHERE environment = 'test' AND event_id IN ({string.Join(',', chunk.Select(id => $"'{id}'"))})");
        }

        return stored;
    }

    private static async Task<long> UsageAsync(HttpClient client, string customerId)
    {
        var range = $"from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(-1).ToString("O"))}&to={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(1).ToString("O"))}";
        var usage = await (await client.GetAsync($"/v1/customers/{customerId}/usage?meter=api_calls&{range}")).ShouldBeJsonAsync(HttpStatusCode.OK);
        return usage.GetProperty("meters")[0].GetProperty("eventCount").GetInt64();
    }
}
