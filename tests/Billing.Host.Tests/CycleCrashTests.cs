using System.Net;
using System.Net.Http.Json;
using Billing.Host.Tests.Support;
using Billing.Testing;

namespace Billing.Host.Tests;

/// <summary>
/// INV-2, INV-7 under the worst timing: the host is killed (SIGKILL) in the middle of a 2,000
/// subscription cycle, and again in the middle of finalizing it. After restarts there is exactly one
/// invoice per subscription and period, and the numbers run 1..2,000 with no gap and no repeat.
/// </summary>
[Collection(SeveralHostProcesses.Name)]
public sealed class CycleCrashTests
{
    private const int Subscriptions = 2_000;

    private static readonly string Invoices = TestDatabases.Table("invoicing", "invoices");

    // Where the crashed cycle leaves every subscription: its next unbilled period starts at the period's end.
    private static readonly string PeriodEnd = TestDatabases.OnPostgres ? "'2026-06-01T00:00:00Z'" : "'2026-06-01T00:00:00.0000000Z'";

    private static readonly Dictionary<string, string> Simulated = new()
    {
        ["Billing__Clock__Simulated"] = "true",
        ["Billing__Clock__Start"] = "2026-04-30T12:00:00Z",
        ["Billing__Scheduler__Interval"] = "01:00:00",
        ["Logging__LogLevel__Billing.Invoicing.Infrastructure.Scheduling"] = "Information",
    };

    [Fact]
    public async Task Killed_mid_cycle_and_mid_finalization_the_cycle_ends_with_one_invoice_each_and_gap_free_numbers()
    {
        var databasePath = Path.Combine(Path.GetTempPath(), "billing-tests", $"cycle-crash-{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);

        await using (var host = await HostProcess.StartAsync(databasePath, Simulated))
        {
            await SetUpAsync(host.Client, Subscriptions);
            await KillWhileAsync(host, "2026-06-01T01:00:00Z");
        }

        var made = await ScalarAsync(databasePath, $"SELECT COUNT(*) FROM {Invoices}");
        made.ShouldBeInRange(1, Subscriptions - 1, "the kill must land mid-cycle for the test to mean anything");

        await using (var host = await HostProcess.StartAsync(databasePath, Simulated))
        {
            await SetClockAsync(host.Client, "2026-06-01T01:00:00Z");
            (await ScalarAsync(databasePath, $"SELECT COUNT(*) FROM {Invoices}")).ShouldBe(Subscriptions);
            await KillWhileAsync(host, "2026-06-01T02:00:00Z");
        }

        await using (var host = await HostProcess.StartAsync(databasePath, Simulated))
        {
            await SetClockAsync(host.Client, "2026-06-01T02:00:00Z");
        }

        (await ScalarAsync(databasePath, $"SELECT COUNT(*) FROM {Invoices}")).ShouldBe(Subscriptions);
        (await ScalarAsync(databasePath, $"SELECT COUNT(DISTINCT subscription_id || period_start) FROM {Invoices}")).ShouldBe(Subscriptions);
        (await ScalarAsync(databasePath, $"SELECT COUNT(*) FROM {Invoices} WHERE status = 'Open'")).ShouldBe(Subscriptions);
        (await ScalarAsync(databasePath, $"SELECT COUNT(DISTINCT sequence) FROM {Invoices}")).ShouldBe(Subscriptions);
        (await ScalarAsync(databasePath, $"SELECT MIN(sequence) FROM {Invoices}")).ShouldBe(1);
        (await ScalarAsync(databasePath, $"SELECT MAX(sequence) FROM {Invoices}")).ShouldBe(Subscriptions);
        (await ScalarAsync(databasePath, $"SELECT COUNT(*) FROM {TestDatabases.Table("invoicing", "subscriptions")} WHERE unbilled_period_start <> {PeriodEnd}")).ShouldBe(0);
    }

    [Fact]
    public async Task Two_instances_running_the_same_cycle_at_once_make_one_invoice_per_subscription_and_period()
    {
        var databasePath = Path.Combine(Path.GetTempPath(), "billing-tests", $"two-instances-{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);
        await using var first = await HostProcess.StartAsync(databasePath, Simulated);
        await SetUpAsync(first.Client, 300);
        await using var second = await HostProcess.StartAsync(databasePath, Simulated);

        // Both schedulers see the same due periods at the same moment, twice over (drafts, then finalization).
        foreach (var instant in new[] { "2026-06-01T01:00:00Z", "2026-06-01T02:00:00Z" })
        {
            await Task.WhenAll(SetClockAsync(first.Client, instant), SetClockAsync(second.Client, instant));
        }

        (await ScalarAsync(databasePath, $"SELECT COUNT(*) FROM {Invoices}")).ShouldBe(300);
        (await ScalarAsync(databasePath, $"SELECT COUNT(DISTINCT subscription_id) FROM {Invoices}")).ShouldBe(300);
        (await ScalarAsync(databasePath, $"SELECT COUNT(DISTINCT sequence) FROM {Invoices} WHERE status = 'Open'")).ShouldBe(300);
        (await ScalarAsync(databasePath, $"SELECT MAX(sequence) FROM {Invoices}")).ShouldBe(300);
    }

    /// <summary>
    /// Moves the clock (which runs the jobs) and kills the host once it has logged two committed
    /// batches of that run (of twenty): the kill lands mid-run, after some work is durable.
    /// </summary>
    private static async Task KillWhileAsync(HostProcess host, string instant)
    {
        const string committed = "committed a batch";
        var before = host.OutputCount(committed);
        var move = host.Client.PutAsJsonAsync("/v1/test/clock", new { now = instant });
        await host.WaitForOutputAsync(committed, before + 2, giveUpWhen: move);
        move.IsCompleted.ShouldBeFalse("the run finished before the kill; it is too fast for this test");

        await host.KillAsync();
        await Should.ThrowAsync<Exception>(move);
    }

    private static async Task SetUpAsync(HttpClient admin, int subscriptions)
    {
        (await admin.PostAsJsonAsync("/v1/meters", new { code = "calls", displayName = "Calls", eventName = "api_call", aggregation = "count" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await admin.PostAsJsonAsync("/v1/plans", new
        {
            code = "basic", name = "Basic", currency = "USD", interval = "monthly", fixedFees = new { recurringFee = 10m },
            charges = new[] { new { meter = "calls", model = "per_unit", unitPrice = 0.01m } },
        })).StatusCode.ShouldBe(HttpStatusCode.Created);

        await Parallel.ForEachAsync(Enumerable.Range(0, subscriptions), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (index, cancellationToken) =>
        {
            var customer = await (await admin.PostAsJsonAsync("/v1/customers", new { externalId = $"c{index}", kind = "company", name = $"Customer {index}", currency = "USD" }, cancellationToken))
                .ShouldBeJsonAsync(HttpStatusCode.Created);
            (await admin.PostAsJsonAsync("/v1/subscriptions", new
            {
                customerId = customer.Str("id"), planCode = "basic", collectionMethod = "send_invoice", startDate = "2026-05-01T00:00:00Z", anchorDay = 1,
            }, cancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Created);
        });
    }

    private static async Task SetClockAsync(HttpClient admin, string instant)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        (await admin.PutAsJsonAsync("/v1/test/clock", new { now = instant }, timeout.Token)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static Task<long> ScalarAsync(string databasePath, string sql) => TestDatabases.ScalarAsync(databasePath, sql);
}
