using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Billing.Benchmarks;
using Microsoft.Data.Sqlite;

// Metering benchmarks P1-P4 and M1 (PERFORMANCE.md). Usage:
//   dotnet run -c Release --project benchmarks/Billing.Benchmarks            full run, writes benchmarks/results/metering-*.json
//   dotnet run -c Release --project benchmarks/Billing.Benchmarks -- --smoke a small run that proves the harness works (CI)
//   add --invoicing for P5 and P6 instead (InvoicingBenchmarks.cs)
//   benchmarks/postgres.sh [--smoke] [--invoicing]: the same on a throwaway PostgreSQL cluster (BILLING_BENCH_POSTGRES)
var smoke = args.Contains("--smoke");
if (args.Contains("--invoicing"))
{
    return await InvoicingBenchmarks.RunAsync(FindRepositoryRoot(), smoke);
}

var size = smoke
    ? new Size(BatchEvents: 4_000, Clients: 4, SingleEvents: 400, FsyncRows: 100, RawRows: 20_000, Repeats: 3)
    : new Size(BatchEvents: 1_000_000, Clients: 4, SingleEvents: 20_000, FsyncRows: 2_000, RawRows: 200_000, Repeats: 21);

var root = FindRepositoryRoot();
var hostDll = Path.Combine(root, "src", "Billing.Host", "bin", "Release", "net10.0", "Billing.Host.dll");
if (!File.Exists(hostDll))
{
    Console.Error.WriteLine($"{hostDll} is missing: run with -c Release so the host is built first.");
    return 2;
}

var work = Directory.CreateTempSubdirectory("billing-bench-").FullName;
var database = await BenchDatabase.CreateAsync(work);
try
{
    await using var host = await HostUnderTest.StartAsync(hostDll, database.HostSettings);
    var customerId = await SetUpAsync(host.Client);

    // Baselines with the product's schema, indexes and durability: on SQLite a copy of the migrated,
    // empty file; on PostgreSQL a table made like the product's in the same database.
    double lFsync, lRaw;
    if (database.OnPostgres)
    {
        await PostgresBaselines.PrepareAsync(database);
        lFsync = await PostgresBaselines.FsyncAsync(database, size.FsyncRows);
        lRaw = await PostgresBaselines.RawAsync(database, size.RawRows, 1000);
    }
    else
    {
        var baselineDb = Path.Combine(work, "baseline.db");
        await using (var source = await Baselines.OpenAsync(database.SqlitePath!))
        {
            await using var copy = source.CreateCommand();
            copy.CommandText = $"VACUUM INTO '{baselineDb}'";
            await copy.ExecuteNonQueryAsync();
        }

        lFsync = await Baselines.FsyncAsync(baselineDb, size.FsyncRows);
        lRaw = await Baselines.RawAsync(baselineDb, size.RawRows, 1000);
    }

    Console.WriteLine($"{database.Provider}: L_fsync = {lFsync:N0} rows/s, L_raw(1000) = {lRaw:N0} rows/s");

    var now = DateTimeOffset.UtcNow;
    var first = now.AddHours(-1);
    var batches = BuildBatches(size.BatchEvents, first);

    // P1: batches of 1,000, several concurrent clients, fresh ids.
    var cpuBefore = host.CpuSeconds();
    var (p1Seconds, p1Accepted) = await SendBatchesAsync(host.Client, batches, size.Clients);
    var p1CpuSeconds = host.CpuSeconds() - cpuBefore;
    var p1 = size.BatchEvents / p1Seconds;
    var m1 = host.PeakRssMegabytes();
    Check(p1Accepted == size.BatchEvents, $"P1 accepted {p1Accepted} of {size.BatchEvents}");
    Console.WriteLine($"P1 = {p1:N0} events/s ({p1Seconds:N1} s, host CPU {p1CpuSeconds:N1} s), peak RSS {m1:N0} MB");

    // P3: the same batches again: all duplicates, nothing counted twice.
    var (p3Seconds, p3Accepted) = await SendBatchesAsync(host.Client, batches, size.Clients);
    var p3 = size.BatchEvents / p3Seconds;
    var counted = await EventCountAsync(host.Client, customerId, first, now.AddMinutes(1));
    Check(p3Accepted == 0 && counted == size.BatchEvents, $"P3 accepted {p3Accepted}; usage counts {counted} of {size.BatchEvents}");
    Console.WriteLine($"P3 = {p3:N0} events/s, usage summary counts {counted:N0} (zero double counts)");

    // BENCH_P3_AGAIN=1: the replay once more, to tell the de-duplication path from the server's
    // housekeeping after P1's million inserts, which the first replay meets.
    if (Environment.GetEnvironmentVariable("BENCH_P3_AGAIN") == "1")
    {
        var (again, _) = await SendBatchesAsync(host.Client, batches, size.Clients);
        Console.WriteLine($"P3 again = {size.BatchEvents / again:N0} events/s");
    }

    // L_http: the cost of HTTP and authentication alone, from the same client with P2's concurrency.
    var (hostBefore, machineBefore) = (host.CpuSeconds(), CpuAccounting.Now());
    var lHttp = size.SingleEvents / await PingAsync(host.Client, size.SingleEvents, 32);
    var lHttpCpu = CpuAccounting.Now().Since(machineBefore).PerRequest(host.CpuSeconds() - hostBefore, size.SingleEvents);

    // P2: one event a request, 32 concurrent clients, fresh ids.
    (hostBefore, machineBefore) = (host.CpuSeconds(), CpuAccounting.Now());
    var p2Seconds = await SendSinglesAsync(host.Client, size.SingleEvents, 32, first);
    var p2Cpu = CpuAccounting.Now().Since(machineBefore).PerRequest(host.CpuSeconds() - hostBefore, size.SingleEvents);
    var p2 = size.SingleEvents / p2Seconds;
    Console.WriteLine($"P2 = {p2:N0} events/s ({p2Seconds:N1} s); L_http = {lHttp:N0} requests/s (GET /v1/ping); L_fsync = {lFsync:N0} rows/s");
    Console.WriteLine($"P2 CPU an event: {p2Cpu}");
    Console.WriteLine($"L_http CPU a request: {lHttpCpu}");

    // P4: the usage summary over every event of P1 and P2, against the plain aggregate on the same index.
    var (from, to) = (first.AddSeconds(-1), now.AddMinutes(1));
    Func<Task<double>> summaryOnce = () => UsageSummaryMillisecondsAsync(host.Client, customerId, from, to);
    var (p4, lScan) = database.OnPostgres
        ? await PostgresBaselines.ScanBesideAsync(database, customerId, Micros(from), Micros(to), size.Repeats, summaryOnce)
        : await Baselines.ScanBesideAsync(database.SqlitePath!, customerId, Micros(from), Micros(to), size.Repeats, summaryOnce);
    Console.WriteLine($"P4 = {p4:N2} ms (median, round trip), L_scan = {lScan:N2} ms");

    var rows = new List<Row>
    {
        database.OnPostgres
            ? new("P1", "batch ingestion, events/s", p1, "L_raw(1000)", lRaw, p1 / lRaw, ">= 0.5 x and >= 20,000/s", p1 >= 0.5 * lRaw && p1 >= 20_000)
            : new("P1", "batch ingestion, events/s", p1, "L_raw(1000)", lRaw, p1 / lRaw, ">= 0.5 x and >= 50,000/s", p1 >= 0.5 * lRaw && p1 >= 50_000),
        database.OnPostgres
            ? new("P2", "single-event ingestion, events/s", p2, "L_http", lHttp, p2 / lHttp, ">= 0.5 x", p2 >= 0.5 * lHttp)
            : new("P2", "single-event ingestion, events/s", p2, "L_http", lHttp, p2 / lHttp, ">= 0.7 x and >= 5,000/s", p2 >= 0.7 * lHttp && p2 >= 5_000),
        new("P3", "replay (all duplicates), events/s", p3, "P1", p1, p3 / p1, ">= 1.0 x, zero double counts", p3 >= p1 && counted == size.BatchEvents),
        new("P4", $"usage summary over {counted + size.SingleEvents:N0} events, ms", p4, "L_scan", lScan, p4 / lScan, "<= 1.25 x", p4 <= 1.25 * lScan),
        new("M1", "host peak RSS during P1, MB", m1, "-", 0, 0, "<= 400 MB", m1 <= 400),
    };
    Report(rows, root, smoke, database.Provider, new { provider = database.Provider, size, p1CpuSeconds, p1Seconds, lFsync, machine = Environment.ProcessorCount + " cores" });
    return 0;
}
finally
{
    SqliteConnection.ClearAllPools();
    Directory.Delete(work, recursive: true);
    await database.DropAsync();
}

static async Task<string> SetUpAsync(HttpClient admin)
{
    var customer = await (await admin.PostAsJsonAsync("/v1/customers", new { externalId = "bench", kind = "company", name = "Bench", currency = "USD" })).Content.ReadFromJsonAsync<JsonElement>();
    var meter = await admin.PostAsJsonAsync("/v1/meters", new { code = "api_calls", displayName = "API calls", eventName = "api_call", aggregation = "sum", property = "n" });
    Check(meter.StatusCode == HttpStatusCode.Created, "meter created");
    return customer.GetProperty("id").GetString()!;
}

static List<byte[]> BuildBatches(int events, DateTimeOffset first)
{
    var batches = new List<byte[]>();
    for (var start = 0; start < events; start += 1000)
    {
        var body = new StringBuilder("{\"events\":[");
        for (var i = start; i < Math.Min(events, start + 1000); i++)
        {
            var timestamp = first.AddTicks(i * 10L).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
            body.Append(i == start ? string.Empty : ",").Append($"{{\"id\":\"p1-{i}\",\"customer\":\"bench\",\"event\":\"api_call\",\"timestamp\":\"{timestamp}\",\"properties\":{{\"n\":1}}}}");
        }

        batches.Add(Encoding.UTF8.GetBytes(body.Append("]}").ToString()));
    }

    return batches;
}

static async Task<(double Seconds, int Accepted)> SendBatchesAsync(HttpClient client, List<byte[]> batches, int clients)
{
    var next = -1;
    var accepted = 0;
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
    {
        int index;
        while ((index = Interlocked.Increment(ref next)) < batches.Count)
        {
            using var content = new ByteArrayContent(batches[index]);
            content.Headers.ContentType = new("application/json");
            using var response = await client.PostAsync("/v1/events/batch", content);
            Check(response.StatusCode == HttpStatusCode.OK, $"batch answered {response.StatusCode}");
            var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
            Interlocked.Add(ref accepted, answer.GetProperty("accepted").GetInt32());
        }
    })));
    return (clock.Elapsed.TotalSeconds, accepted);
}

static async Task<double> SendSinglesAsync(HttpClient client, int events, int clients, DateTimeOffset first)
{
    var bodies = Enumerable.Range(0, events)
        .Select(i => Encoding.UTF8.GetBytes($"{{\"id\":\"p2-{i}\",\"customer\":\"bench\",\"event\":\"api_call\",\"timestamp\":\"{first.AddSeconds(1).ToString("O")}\",\"properties\":{{\"n\":1}}}}"))
        .ToArray();
    var next = -1;
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
    {
        int index;
        while ((index = Interlocked.Increment(ref next)) < bodies.Length)
        {
            using var content = new ByteArrayContent(bodies[index]);
            content.Headers.ContentType = new("application/json");
            using var response = await client.PostAsync("/v1/events", content);
            Check(response.StatusCode == HttpStatusCode.Created, $"single event answered {response.StatusCode}");
        }
    })));
    return clock.Elapsed.TotalSeconds;
}

/// <summary>L_http: GET /v1/ping, the host's cheapest authenticated request, the given number of times from the given number of clients; seconds.</summary>
static async Task<double> PingAsync(HttpClient client, int requests, int clients)
{
    var next = -1;
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
    {
        while (Interlocked.Increment(ref next) < requests)
        {
            using var response = await client.GetAsync("/v1/ping");
            await response.Content.ReadAsByteArrayAsync();
            Check(response.StatusCode == HttpStatusCode.OK, $"ping answered {response.StatusCode}");
        }
    })));
    return clock.Elapsed.TotalSeconds;
}

static async Task<double> UsageSummaryMillisecondsAsync(HttpClient client, string customerId, DateTimeOffset from, DateTimeOffset to)
{
    var clock = Stopwatch.StartNew();
    using var response = await client.GetAsync(UsageUrl(customerId, from, to));
    await response.Content.ReadAsByteArrayAsync();
    Check(response.StatusCode == HttpStatusCode.OK, "usage summary answered");
    return clock.Elapsed.TotalMilliseconds;
}

static async Task<long> EventCountAsync(HttpClient client, string customerId, DateTimeOffset from, DateTimeOffset to)
{
    var usage = await client.GetFromJsonAsync<JsonElement>(UsageUrl(customerId, from, to));
    return usage.GetProperty("meters")[0].GetProperty("eventCount").GetInt64();
}

static string UsageUrl(string customerId, DateTimeOffset from, DateTimeOffset to) =>
    $"/v1/customers/{customerId}/usage?meter=api_calls&from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(to.ToString("O"))}";

static long Micros(DateTimeOffset instant) => (instant.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

static void Check(bool condition, string what)
{
    if (!condition)
    {
        throw new InvalidOperationException("Benchmark invariant broken: " + what);
    }
}

static void Report(List<Row> rows, string root, bool smoke, string provider, object context)
{
    Console.WriteLine();
    Console.WriteLine($"| id | figure | value | baseline | baseline value | ratio | target | result |");
    Console.WriteLine($"| --- | --- | ---: | --- | ---: | ---: | --- | --- |");
    foreach (var row in rows)
    {
        Console.WriteLine($"| {row.Id} | {row.Figure} | {row.Value:N2} | {row.Baseline} | {row.BaselineValue:N2} | {row.Ratio:N2} | {row.Target} | {(row.Pass ? "pass" : "MISS")} |");
    }

    var name = provider == "sqlite" ? "metering" : $"metering-{provider}";
    var file = Path.Combine(root, "benchmarks", "results", smoke ? $"smoke-{name}.json" : $"{name}-{DateTime.UtcNow:yyyyMMdd-HHmmss}.json");
    Directory.CreateDirectory(Path.GetDirectoryName(file)!);
    File.WriteAllText(file, JsonSerializer.Serialize(new { measuredAt = DateTimeOffset.UtcNow, smoke, context, rows }, new JsonSerializerOptions { WriteIndented = true }));
    Console.WriteLine($"written to {Path.GetRelativePath(root, file)}");
}

static string FindRepositoryRoot()
{
    var directory = new DirectoryInfo(AppContext.BaseDirectory);
    while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Billing.sln")))
    {
        directory = directory.Parent;
    }

    return directory?.FullName ?? throw new InvalidOperationException("Billing.sln not found.");
}

internal sealed record Size(int BatchEvents, int Clients, int SingleEvents, int FsyncRows, int RawRows, int Repeats);

internal sealed record Row(string Id, string Figure, double Value, string Baseline, double BaselineValue, double Ratio, string Target, bool Pass);
