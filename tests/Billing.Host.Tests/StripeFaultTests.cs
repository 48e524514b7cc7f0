using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Billing.Host.Tests.FakeStripe;
using Billing.Host.Tests.Support;

namespace Billing.Host.Tests;

/// <summary>
/// PAY-7: every state-changing Stripe call happens exactly once, whatever fails: Stripe timing out
/// (after doing the work), answering 500 or 429, or the host killed with SIGKILL around the call.
/// </summary>
public sealed class StripeFaultTests
{
    [Theory]
    [InlineData(FakeFailure.Timeout)]
    [InlineData(FakeFailure.ServerError)]
    [InlineData(FakeFailure.RateLimited)]
    public async Task When_Stripe_fails_every_call_once_each_operation_still_happens_exactly_once(FakeFailure failure)
    {
        using var factory = new StripeApiFactory();
        factory.WithWebhooks();
        factory.Stripe.FailFirstAttempt = failure;
        var scenario = await InvoicingScenario.CreateAsync(factory, collectionMethod: "charge_automatically", recurringFee: 20m, taxRate: 10m);
        (await scenario.Admin.PatchAsJsonAsync($"/v1/customers/{scenario.CustomerId}", new { stripeCustomerId = factory.Stripe.CreateCustomer(withDefaultCard: true) }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var linkedOnCreate = await (await scenario.Admin.PostAsJsonAsync("/v1/customers?stripe=true", new { externalId = "linked-" + scenario.Suffix, kind = "company", name = "Linked", currency = "USD" }))
            .ShouldBeJsonAsync(HttpStatusCode.Created);
        await scenario.SetClockAsync("2026-05-20T00:00:00Z");
        await scenario.CallsAtAsync("2026-05-03T10:00:00Z", "2026-05-04T10:00:00Z");

        await scenario.SetClockAsync("2026-06-01T01:00:00Z");

        var invoice = failure == FakeFailure.RateLimited
            ? await PaidAfterBackingOffAsync(scenario)
            : await StripeCollectionTests.WaitForStatusAsync(scenario, "paid");
        await Eventually.WaitAsync(
            async () => await (await scenario.Admin.GetAsync($"/v1/customers/{linkedOnCreate.Str("id")}")).ShouldBeJsonAsync(HttpStatusCode.OK),
            customer => customer.GetProperty("stripeCustomerId").ValueKind == JsonValueKind.String,
            "the ?stripe=true customer to be linked");

        await Eventually.WaitAsync(
            async () => await (await scenario.Admin.GetAsync($"/v1/invoices/{invoice.Str("id")}/payment")).ShouldBeJsonAsync(HttpStatusCode.OK),
            payment => payment.GetProperty("operations").EnumerateArray().All(operation => operation.Str("status") == "done"),
            "the send to finish (Stripe's webhook can report the payment before the timed-out call is retried)");

        // Exactly once in Stripe's state: one customer made, one invoice, one item per line, paid once.
        factory.Stripe.Objects("customer").Count.ShouldBe(2);
        var sent = factory.Stripe.Objects("invoice").ShouldHaveSingleItem();
        sent["status"]!.ToString().ShouldBe("paid");
        sent["lines"]!["data"]!.AsArray().Count.ShouldBe(invoice.GetProperty("lines").GetArrayLength());
        factory.Stripe.Objects("invoiceitem").Count.ShouldBe(invoice.GetProperty("lines").GetArrayLength());
        sent["total"]!.ToString().ShouldBe(((long)(invoice.GetProperty("total").GetDecimal() * 100)).ToString());

        // And every call was in fact made at least twice, each repeat with the same key.
        var posts = factory.Stripe.Requests.Where(call => call.Method == "POST").GroupBy(call => call.IdempotencyKey).ToList();
        posts.ShouldAllBe(attempts => attempts.Count() >= 2);
        posts.Count.ShouldBe(1 + 1 + invoice.GetProperty("lines").GetArrayLength() + 2);
    }

    /// <summary>
    /// Stripe.net retries timeouts and 5xx itself but not a 429: that goes back to the outbox, which
    /// waits 15 s and then twice as long each time on Billing's clock. The test moves the clock on
    /// whenever a call is waiting out its backoff, until the invoice is paid.
    /// </summary>
    private static async Task<JsonElement> PaidAfterBackingOffAsync(InvoicingScenario scenario)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var invoice = await Eventually.WaitAsync(
                async () => (await scenario.InvoicesAsync()).FirstOrDefault(),
                found => found.ValueKind == JsonValueKind.Object,
                "the invoice to be issued");
            if (invoice.Str("status") == "paid")
            {
                return await scenario.InvoiceAsync(invoice.Str("id"));
            }

            var payment = await (await scenario.Admin.GetAsync($"/v1/invoices/{invoice.Str("id")}/payment")).ShouldBeJsonAsync(HttpStatusCode.OK);
            var backingOff = payment.GetProperty("operations").EnumerateArray()
                .Any(operation => operation.Str("status") == "pending" && operation.GetProperty("lastError").GetString()?.StartsWith("rate_limit") == true);
            if (backingOff)
            {
                await scenario.AdvanceAsync("PT10M");
            }
            else
            {
                await Changes.AfterAsync(Changes.Version, TimeSpan.FromSeconds(1));
            }
        }

        var last = (await scenario.InvoicesAsync()).First();
        var lastPayment = await (await scenario.Admin.GetAsync($"/v1/invoices/{last.Str("id")}/payment")).ShouldBeJsonAsync(HttpStatusCode.OK);
        throw new ShouldAssertException($"The invoice was not paid within a minute of backing off; last saw {last} and {lastPayment}");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_host_killed_around_a_Stripe_call_makes_the_call_once_after_restart(bool stripeDidIt)
    {
        await using var stripe = new FakeStripeServer();
        var databasePath = Path.Combine(Path.GetTempPath(), "billing-tests", $"stripe-crash-{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);
        var settings = new Dictionary<string, string>
        {
            ["Billing__Clock__Simulated"] = "true",
            ["Billing__Clock__Start"] = "2026-04-30T12:00:00Z",
            ["Billing__Stripe__BaseUrl"] = stripe.BaseUrl,
            ["Billing__Stripe__Test__SecretKey"] = FakeStripeServer.SecretKey,
            ["Billing__Stripe__Test__WebhookSecret"] = FakeStripeServer.WebhookSecret,
            ["Billing__Stripe__Timeout"] = "00:01:00",
            ["Billing__Payments__PollInterval"] = "00:00:00.050",
            ["Billing__Outbox__PollInterval"] = "00:00:00.200",
            ["Logging__LogLevel__Billing.BuildingBlocks.Application.Behaviours"] = "Debug",
        };
        string invoiceId;
        await using (var host = await HostProcess.StartAsync(databasePath, settings))
        {
            stripe.WebhookUrl = new Uri(host.Client.BaseAddress!, "/webhooks/stripe/test").ToString();
            var customerId = await SetUpAsync(host.Client, stripe.CreateCustomer(withDefaultCard: true));

            // The invoice is finalized and committed; Payments commits its queued send and calls Stripe,
            // which receives the call and (or not) does it; the host dies before hearing back.
            var held = stripe.HoldFirst(call => call.Method == "POST" && call.Path == "/v1/invoices", stripeDidIt);
            (await host.Client.PutAsJsonAsync("/v1/test/clock", new { now = "2026-06-01T01:00:00Z" })).StatusCode.ShouldBe(HttpStatusCode.OK);
            var invoices = await (await host.Client.GetAsync($"/v1/invoices?customer={customerId}")).ShouldBeJsonAsync(HttpStatusCode.OK);
            invoiceId = invoices.GetProperty("data").EnumerateArray().ShouldHaveSingleItem().Str("id");
            await held.WaitAsync(TimeSpan.FromSeconds(30));
            await host.KillAsync();
        }

        stripe.Objects("invoice").Count.ShouldBe(stripeDidIt ? 1 : 0);

        await using (var host = await HostProcess.StartAsync(databasePath, settings))
        {
            stripe.WebhookUrl = new Uri(host.Client.BaseAddress!, "/webhooks/stripe/test").ToString();

            // A simulated clock starts again at its configured start; bring it back to where it was.
            (await host.Client.PutAsJsonAsync("/v1/test/clock", new { now = "2026-06-01T01:00:00Z" })).StatusCode.ShouldBe(HttpStatusCode.OK);
            // The host's own log says when Invoicing has taken the payment (its pipeline logs each request handled).
            await host.WaitForOutputAsync("MarkInvoicePaidCommand handled", 1, giveUpWhen: new TaskCompletionSource().Task);
            (await (await host.Client.GetAsync($"/v1/invoices/{invoiceId}")).ShouldBeJsonAsync(HttpStatusCode.OK)).Str("status").ShouldBe("paid");
        }

        var sent = stripe.Objects("invoice").ShouldHaveSingleItem();
        sent["status"]!.ToString().ShouldBe("paid");
        sent["metadata"]!["billing_invoice_id"]!.ToString().ShouldBe(invoiceId);
        stripe.Objects("invoiceitem").Count.ShouldBe(1);
        var creates = stripe.Requests.Where(call => call.Method == "POST" && call.Path == "/v1/invoices").ToList();
        creates.Count.ShouldBe(2);
        creates.Select(call => call.IdempotencyKey).Distinct().ShouldHaveSingleItem();
        stripe.Requests.Count(call => call.Path.EndsWith("/pay")).ShouldBe(1);
    }

    private static async Task<string> SetUpAsync(HttpClient admin, string stripeCustomerId)
    {
        var customer = await (await admin.PostAsJsonAsync("/v1/customers", new { externalId = "crash", kind = "company", name = "Crash", currency = "USD", stripeCustomerId }))
            .ShouldBeJsonAsync(HttpStatusCode.Created);
        (await admin.PostAsJsonAsync("/v1/plans", new { code = "flat", name = "Flat", currency = "USD", interval = "monthly", fixedFees = new { recurringFee = 20m } }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        (await admin.PostAsJsonAsync("/v1/subscriptions", new
        {
            customerId = customer.Str("id"), planCode = "flat", collectionMethod = "charge_automatically", startDate = "2026-05-01T00:00:00Z", anchorDay = 1,
        })).StatusCode.ShouldBe(HttpStatusCode.Created);
        return customer.Str("id");
    }
}
