using System.Net;
using System.Net.Http.Json;
using Billing.Host.Tests.FakeStripe;
using Billing.Host.Tests.Support;
using Billing.Testing;
using Xunit.Abstractions;

namespace Billing.Host.Tests;

/// <summary>
/// Issue 17 §6 (INV-2, INV-7, MET-4, PAY-7, OPS-4): three host processes share one PostgreSQL
/// database. Customers, subscriptions and usage arrive through all three; the deployment's clock
/// moves past the period's end; the instance doing the finalization is killed with SIGKILL halfway
/// and started again. The others take over its claims, and the cycle ends with one invoice per
/// subscription, numbers 1..N, every acknowledged event counted once, every Stripe operation done
/// once against the fake Stripe and every integration event's effect applied once.
/// </summary>
[Collection(SeveralHostProcesses.Name)]
public sealed class SeveralInstancesTests(ITestOutputHelper output)
{
    private const int Subscriptions = 2_000;
    private const decimal RecurringFee = 10m;
    private const decimal UnitPrice = 0.01m;

    /// <summary>One customer in this many is charged through Stripe, and as many again have Billing create them there.</summary>
    private const int StripeShare = 20;

    private const int Charged = Subscriptions / StripeShare;
    private const int Linked = 2 * Charged;

    private static readonly string Invoices = TestDatabases.Table("invoicing", "invoices");

    [PostgresOnlyFact]
    public async Task Three_instances_one_killed_mid_cycle_bill_every_subscription_once_with_gap_free_numbers()
    {
        await using var stripe = new FakeStripeServer();
        var databasePath = Path.Combine(Path.GetTempPath(), "billing-tests", $"three-instances-{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);
        var settings = Settings(stripe);

        // Started at once, as a deployment rolls out: they migrate one after the other.
        var instances = await StartAllAsync(databasePath, settings, count: 3);
        var started = new List<HostProcess>(instances);
        var phases = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            stripe.BalancedWebhookUrls = WebhookUrls(instances);
            await SetUpAsync(instances, stripe);
            Report(phases, "customers and subscriptions made through three instances");
            await ClockAsync(instances[0], "2026-05-20T00:00:00Z");
            var acknowledged = await IngestAsync(instances);
            Report(phases, $"{acknowledged} events acknowledged, each batch sent twice");

            await ClockAsync(instances[1], "2026-06-01T01:00:00Z");
            (await ScalarAsync(databasePath, $"SELECT COUNT(*) FROM {Invoices}")).ShouldBe(Subscriptions);
            Report(phases, "drafts made");

            // Finalization is moved through the third instance; whichever instance holds the cycle's
            // claim is killed once it has committed two batches of it.
            var move = instances[2].Client.PutAsJsonAsync("/v1/test/clock", new { now = "2026-06-01T02:00:00Z" });
            var killed = await KillTheOneFinalizingAsync(instances, move);
            var finalizedAtKill = await ScalarAsync(databasePath, $"SELECT COUNT(*) FROM {Invoices} WHERE sequence IS NOT NULL");
            Report(phases, $"instance {killed} killed with {finalizedAtKill} invoices finalized");
            finalizedAtKill.ShouldBeInRange(1, Subscriptions - 1, "the kill must land mid-finalization for the test to mean anything");
            if (killed == 2)
            {
                await Should.ThrowAsync<Exception>(move);
            }
            else
            {
                (await move).StatusCode.ShouldBe(HttpStatusCode.OK);
            }

            instances[killed] = await HostProcess.StartAsync(databasePath, settings);
            started.Add(instances[killed]);
            stripe.BalancedWebhookUrls = WebhookUrls(instances);
            await ClockAsync(instances[killed], "2026-06-01T02:00:00Z");
            await WaitUntilSettledAsync(databasePath);
            Report(phases, $"settled after the restart: {stripe.Requests.Count} requests to Stripe");
            output.WriteLine($"instances split {started.Sum(instance => instance.OutputCount("splitting it"))} cycle batches that kept meeting conflicts");

            await AssertInvoicedOnceAsync(databasePath, acknowledged);
            await AssertStripeOnceAsync(databasePath, stripe);
            await AssertIntegrationEventsOnceAsync(databasePath);
        }
        catch
        {
            foreach (var (instance, index) in started.Select((instance, index) => (instance, index)))
            {
                foreach (var line in instance.Output.Where(line => !line.Contains("NOT encrypted", StringComparison.Ordinal) && (line.Contains("\"Warning\"", StringComparison.Ordinal) || line.Contains("\"Error\"", StringComparison.Ordinal) || line.Contains("Scheduling", StringComparison.Ordinal))).TakeLast(20))
                {
                    output.WriteLine($"[{index}] {line}");
                }
            }

            throw;
        }
        finally
        {
            foreach (var instance in started)
            {
                await instance.DisposeAsync();
            }
        }
    }

    private static async Task<List<HostProcess>> StartAllAsync(string databasePath, Dictionary<string, string> settings, int count)
    {
        var starting = Enumerable.Range(0, count).Select(_ => HostProcess.StartAsync(databasePath, settings)).ToList();
        try
        {
            return (await Task.WhenAll(starting)).ToList();
        }
        catch
        {
            foreach (var started in starting.Where(start => start.IsCompletedSuccessfully))
            {
                await started.Result.DisposeAsync();
            }

            throw;
        }
    }

    private void Report(System.Diagnostics.Stopwatch phases, string what)
    {
        output.WriteLine($"{phases.Elapsed.TotalSeconds,6:F1} s  {what}");
        phases.Restart();
    }

    private static Dictionary<string, string> Settings(FakeStripeServer stripe) => new()
    {
        ["Billing__Clock__Simulated"] = "true",
        ["Billing__Clock__Start"] = "2026-04-30T12:00:00Z",

        // Each instance runs the due jobs every second: a dead instance's share is taken over within that.
        ["Billing__Scheduler__Interval"] = "00:00:01",
        ["Billing__Stripe__BaseUrl"] = stripe.BaseUrl,
        ["Billing__Stripe__Test__SecretKey"] = FakeStripeServer.SecretKey,
        ["Billing__Stripe__Test__WebhookSecret"] = FakeStripeServer.WebhookSecret,
        ["Billing__Payments__PollInterval"] = "00:00:00.100",
        ["Billing__Outbox__PollInterval"] = "00:00:00.100",
        ["Logging__LogLevel__Billing.Invoicing.Infrastructure.Scheduling"] = "Information",
    };

    private static List<string> WebhookUrls(IEnumerable<HostProcess> instances) =>
        instances.Select(instance => new Uri(instance.Client.BaseAddress!, "/webhooks/stripe/test").ToString()).ToList();

    /// <summary>
    /// 2,000 customers and subscriptions, made through the three instances in turn. Every twentieth
    /// customer brings a Stripe customer with a card and is charged automatically; every twentieth
    /// counting from the tenth asks Billing to create its Stripe customer and is sent its invoice.
    /// </summary>
    private static async Task SetUpAsync(List<HostProcess> instances, FakeStripeServer stripe)
    {
        var admin = instances[0].Client;
        (await admin.PostAsJsonAsync("/v1/meters", new { code = "calls", displayName = "Calls", eventName = "api_call", aggregation = "count" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await admin.PostAsJsonAsync("/v1/plans", new
        {
            code = "basic", name = "Basic", currency = "USD", interval = "monthly", fixedFees = new { recurringFee = RecurringFee },
            charges = new[] { new { meter = "calls", model = "per_unit", unitPrice = UnitPrice } },
        })).StatusCode.ShouldBe(HttpStatusCode.Created);

        await Parallel.ForEachAsync(Enumerable.Range(0, Subscriptions), new ParallelOptions { MaxDegreeOfParallelism = 9 }, async (index, cancellationToken) =>
        {
            var client = instances[index % instances.Count].Client;
            var charged = index % StripeShare == 0;
            var createdInStripe = index % StripeShare == StripeShare / 2;
            var customer = await (await client.PostAsJsonAsync(
                createdInStripe ? "/v1/customers?stripe=true" : "/v1/customers",
                new { externalId = $"c{index}", kind = "company", name = $"Customer {index}", currency = "USD", stripeCustomerId = charged ? stripe.CreateCustomer(withDefaultCard: true) : null },
                cancellationToken)).ShouldBeJsonAsync(HttpStatusCode.Created);
            (await client.PostAsJsonAsync("/v1/subscriptions", new
            {
                customerId = customer.Str("id"), planCode = "basic", collectionMethod = charged ? "charge_automatically" : "send_invoice", startDate = "2026-05-01T00:00:00Z", anchorDay = 1,
            }, cancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Created);
        });
    }

    /// <summary>
    /// Customer <c>c{i}</c> uses the API <c>i % 5 + 1</c> times in May. Batches of 100 go to the
    /// instances in turn, and each is sent again to the next instance, as a client retries through a
    /// load balancer: the second answer is all duplicates. Returns how many events were acknowledged.
    /// </summary>
    private static async Task<int> IngestAsync(List<HostProcess> instances)
    {
        var events = Enumerable.Range(0, Subscriptions)
            .SelectMany(index => Enumerable.Range(0, index % 5 + 1).Select(call => new
            {
                id = $"e-{index}-{call}", customer = $"c{index}", @event = "api_call", timestamp = $"2026-05-{call + 3:D2}T10:00:00Z",
            }))
            .Chunk(100)
            .ToList();
        var acknowledged = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, events.Count), new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (batch, cancellationToken) =>
        {
            var first = await (await instances[batch % 3].Client.PostAsJsonAsync("/v1/events/batch", new { events = events[batch] }, cancellationToken))
                .ShouldBeJsonAsync(HttpStatusCode.OK);
            first.GetProperty("accepted").GetInt32().ShouldBe(events[batch].Length, first.GetRawText());
            Interlocked.Add(ref acknowledged, first.GetProperty("accepted").GetInt32());

            var again = await (await instances[(batch + 1) % 3].Client.PostAsJsonAsync("/v1/events/batch", new { events = events[batch] }, cancellationToken))
                .ShouldBeJsonAsync(HttpStatusCode.OK);
            again.GetProperty("duplicates").GetInt32().ShouldBe(events[batch].Length, again.GetRawText());
        });
        return acknowledged;
    }

    /// <summary>Kills whichever instance has logged two committed batches of finalization first; returns its index.</summary>
    private static async Task<int> KillTheOneFinalizingAsync(List<HostProcess> instances, Task move)
    {
        const string committed = "committed a batch";
        var before = instances.Select(instance => instance.OutputCount(committed)).ToArray();
        var watches = instances.Select((instance, index) => instance.WaitForOutputAsync(committed, before[index] + 2, giveUpWhen: move)).ToList();
        var first = await Task.WhenAny(watches);
        move.IsCompleted.ShouldBeFalse("finalization finished before the kill; it is too fast for this test");
        var killed = watches.IndexOf(first);
        await instances[killed].KillAsync();
        return killed;
    }

    /// <summary>
    /// Waits until every invoice is open or paid, every invoice sent to Stripe is paid or has failed
    /// its collection (and the admins were told), every Stripe operation is done and every module's
    /// outbox is published: the work of the other processes, seen in the database they share.
    /// </summary>
    private static async Task WaitUntilSettledAsync(string databasePath)
    {
        // Every term only grows towards its end value, but the unfinished work, which is subtracted:
        // the sum reaches the expected value only once all of it is done.
        var settled = $"""
            SELECT (SELECT COUNT(*) FROM {Invoices} WHERE status IN ('Open', 'Paid'))
                 + (SELECT COUNT(*) FROM {Invoices} WHERE status = 'Paid')
                 + (SELECT COUNT(*) FROM {TestDatabases.Table("payments", "provider_invoices")} WHERE status IN ('Paid', 'PaymentFailed'))
                 + (SELECT COUNT(*) FROM {TestDatabases.Table("invoicing", "notifications")} WHERE type = 'invoice.payment_failed')
                 - (SELECT COUNT(*) FROM {TestDatabases.Table("payments", "provider_operations")} WHERE status <> 'Done')
                 - {OutboxesUnpublished}
            """;
        var expected = Subscriptions + Charged + Linked + Charged;
        var deadline = DateTime.UtcNow.AddMinutes(3);
        long seen;
        while ((seen = await ScalarAsync(databasePath, settled)) != expected)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new ShouldAssertException($"The deployment did not settle within 3 minutes: {seen} of {expected}");
            }

            // The work is in other processes; look again when the fake Stripe answers or after a moment.
            await Changes.AfterAsync(Changes.Version, TimeSpan.FromMilliseconds(250));
        }
    }

    private static string OutboxesUnpublished =>
        string.Join(" + ", new[] { "customers", "metering", "invoicing", "payments" }
            .Select(module => $"(SELECT COUNT(*) FROM {TestDatabases.Table(module, "outbox")} WHERE processed_at IS NULL)"));

    private static async Task AssertInvoicedOnceAsync(string databasePath, int acknowledged)
    {
        acknowledged.ShouldBe(Enumerable.Range(0, Subscriptions).Sum(index => index % 5 + 1));
        (await ScalarAsync(databasePath, $"SELECT COUNT(*) FROM {TestDatabases.Table("metering", "usage_events")}")).ShouldBe(acknowledged);

        (await ScalarAsync(databasePath, $"SELECT COUNT(*) FROM {Invoices}")).ShouldBe(Subscriptions);
        (await ScalarAsync(databasePath, $"SELECT COUNT(DISTINCT subscription_id) FROM {Invoices}")).ShouldBe(Subscriptions);
        (await ScalarAsync(databasePath, $"SELECT COUNT(DISTINCT sequence) FROM {Invoices}")).ShouldBe(Subscriptions);
        (await ScalarAsync(databasePath, $"SELECT MIN(sequence) FROM {Invoices}")).ShouldBe(1);
        (await ScalarAsync(databasePath, $"SELECT MAX(sequence) FROM {Invoices}")).ShouldBe(Subscriptions);

        // Every acknowledged call is billed once: the fees plus one cent a call, to the cent.
        var billedCents = await ScalarAsync(databasePath, $"SELECT CAST(SUM(total) * 100 AS BIGINT) FROM {Invoices}");
        billedCents.ShouldBe((long)((Subscriptions * RecurringFee + acknowledged * UnitPrice) * 100));
    }

    private static async Task AssertStripeOnceAsync(string databasePath, FakeStripeServer stripe)
    {
        var totals = (await TestDatabases.RowsAsync(databasePath, $"SELECT id, CAST(total * 100 AS BIGINT), status FROM {Invoices}"))
            .ToDictionary(row => (string)row[0]!, row => (Cents: Convert.ToInt64(row[1]), Status: (string)row[2]!));

        // 100 customers came with a Stripe customer; Billing created 100 more, each once.
        stripe.Objects("customer").Count.ShouldBe(Linked);
        stripe.Requests.Where(call => call.Method == "POST" && call.Path == "/v1/customers").Select(call => call.IdempotencyKey).Distinct().Count()
            .ShouldBe(Charged);

        // One Stripe invoice per linked invoice, its items and total those of Billing's invoice.
        var sent = stripe.Objects("invoice");
        sent.Count.ShouldBe(Linked);
        sent.Select(invoice => invoice["metadata"]!["billing_invoice_id"]!.ToString()).Distinct().Count().ShouldBe(sent.Count);
        foreach (var invoice in sent)
        {
            invoice["total"]!.GetValue<long>().ShouldBe(totals[invoice["metadata"]!["billing_invoice_id"]!.ToString()].Cents);
        }

        stripe.Objects("invoiceitem").Count.ShouldBe(sent.Sum(invoice => invoice["lines"]!["data"]!.AsArray().Count));

        // Each sent invoice is collected once (one idempotency key, however often the call was made);
        // the charged ones are paid, and Billing heard so through the webhook.
        var collections = stripe.Requests.Where(call => call.Path.EndsWith("/pay", StringComparison.Ordinal)).GroupBy(call => call.Path).ToList();
        collections.Count.ShouldBe(sent.Count);
        collections.ShouldAllBe(attempts => attempts.Select(call => call.IdempotencyKey).Distinct().Count() == 1);
        sent.Count(invoice => invoice["status"]!.ToString() == "paid").ShouldBe(Charged);
        totals.Values.Count(invoice => invoice.Status == "Paid").ShouldBe(Charged);
        (await ScalarAsync(databasePath, $"SELECT COUNT(*) FROM {TestDatabases.Table("payments", "provider_invoices")}")).ShouldBe(Linked);
    }

    /// <summary>
    /// Publication is at least once (a killed publisher's batch is published again); what must
    /// happen once is each event's effect. Each finalization emitted one event, each customer's
    /// creation one, and each failed collection reached the admins once.
    /// </summary>
    private static async Task AssertIntegrationEventsOnceAsync(string databasePath)
    {
        // Stripe's last webhooks may still queue messages after the deployment settled: wait for them.
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (await ScalarAsync(databasePath, $"SELECT {OutboxesUnpublished}") != 0 && DateTime.UtcNow < deadline)
        {
            await Changes.AfterAsync(Changes.Version, TimeSpan.FromMilliseconds(250));
        }

        (await ScalarAsync(databasePath, $"SELECT {OutboxesUnpublished}")).ShouldBe(0);
        (await ScalarAsync(databasePath, $"SELECT COUNT(*) FROM {TestDatabases.Table("invoicing", "outbox")} WHERE type LIKE '%InvoiceFinalizedIntegrationEvent%'"))
            .ShouldBe(Subscriptions);
        (await ScalarAsync(databasePath, $"SELECT COUNT(*) FROM {TestDatabases.Table("customers", "outbox")} WHERE type LIKE '%CustomerCreatedIntegrationEvent%'"))
            .ShouldBe(Subscriptions);
        // Stripe's answers reach Invoicing as Payments' integration events: each failed collection
        // (the customers Billing created in Stripe have no card) told the admins once.
        var notifications = TestDatabases.Table("invoicing", "notifications");
        (await ScalarAsync(databasePath, $"SELECT COUNT(*) FROM {notifications} WHERE type = 'invoice.payment_failed'")).ShouldBe(Charged);
        (await ScalarAsync(databasePath, $"SELECT COUNT(*) FROM (SELECT DISTINCT type, invoice_id, audience, channel FROM {notifications}) AS once"))
            .ShouldBe(await ScalarAsync(databasePath, $"SELECT COUNT(*) FROM {notifications}"));
    }

    private static async Task ClockAsync(HostProcess instance, string instant)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        (await instance.Client.PutAsJsonAsync("/v1/test/clock", new { now = instant }, timeout.Token)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static Task<long> ScalarAsync(string databasePath, string sql) => TestDatabases.ScalarAsync(databasePath, sql);
}
