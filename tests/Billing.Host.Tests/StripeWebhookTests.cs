using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Billing.Host.Tests.FakeStripe;
using Billing.Host.Tests.Support;

namespace Billing.Host.Tests;

/// <summary>PAY-6: signatures verified exactly as Stripe documents them; redeliveries change nothing twice; unknown invoices acknowledged and ignored.</summary>
public sealed class StripeWebhookTests
{
    [Fact]
    public async Task Webhooks_are_verified_applied_once_and_ignored_when_not_ours()
    {
        using var factory = new StripeApiFactory();
        var (scenario, invoice) = await FailedSendAsync(factory);
        var id = invoice.Str("id");
        var stripeInvoice = factory.Stripe.Objects("invoice").ShouldHaveSingleItem();
        stripeInvoice["status"] = "paid";
        var client = factory.CreateClient();
        var now = DateTimeOffset.UtcNow;

        // Bad signatures: 400, nothing applied.
        var (paid, _) = FakeStripeServer.SignedEvent("evt_paid_1", "invoice.paid", stripeInvoice, now, FakeStripeServer.WebhookSecret);
        await (await PostAsync(client, paid, FakeStripeServer.Sign(paid, now, "whsec_wrong"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid_signature");
        await (await PostAsync(client, paid, FakeStripeServer.Sign(paid, now.AddSeconds(-301), FakeStripeServer.WebhookSecret))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid_signature");
        // Too far ahead. The header carries whole seconds, truncated, so "+301 s" can arrive as 300.1 s ahead; ten seconds past
        // the tolerance leave room for that and for a loaded machine between signing and verifying.
        await (await PostAsync(client, paid, FakeStripeServer.Sign(paid, DateTimeOffset.UtcNow.AddSeconds(310), FakeStripeServer.WebhookSecret))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid_signature");
        await (await PostAsync(client, paid, null)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid_signature");
        await (await PostAsync(client, paid, "t=abc,v1=zz")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid_signature");
        await (await PostAsync(client, paid + " ", FakeStripeServer.Sign(paid, now, FakeStripeServer.WebhookSecret))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid_signature");
        (await scenario.InvoiceAsync(id)).Str("status").ShouldBe("open");

        // A secret being rolled: Stripe signs with the old and the new one; either matching is enough.
        var applied = await (await PostAsync(client, paid, FakeStripeServer.Sign(paid, now.AddSeconds(-200), "whsec_old_secret", FakeStripeServer.WebhookSecret)))
            .ShouldBeJsonAsync(HttpStatusCode.OK);
        applied.Str("outcome").ShouldBe("applied");
        (await StripeCollectionTests.WaitForStatusAsync(scenario, "paid")).GetProperty("paymentFailure").ValueKind.ShouldBe(JsonValueKind.Null);

        // Redelivered: acknowledged, nothing changes twice.
        (await (await PostAsync(client, paid, FakeStripeServer.Sign(paid, now, FakeStripeServer.WebhookSecret))).ShouldBeJsonAsync(HttpStatusCode.OK))
            .Str("outcome").ShouldBe("duplicate");
        var history = (await (await scenario.Admin.GetAsync($"/v1/invoices/{id}/history")).ShouldBeJsonAsync(HttpStatusCode.OK)).EnumerateArray().ToList();
        history.Count(entry => entry.GetProperty("changes").TryGetProperty("status", out var status) && status.Str("to") == "paid").ShouldBe(1);
        history.Last().Str("actor").ShouldBe("system:outbox:payments");

        // Not Billing's invoice, or not an event Billing acts on: 200 and ignored.
        var foreign = new JsonObject { ["id"] = "in_foreign", ["object"] = "invoice", ["status"] = "paid", ["metadata"] = new JsonObject() };
        var (other, otherSignature) = FakeStripeServer.SignedEvent("evt_foreign", "invoice.paid", foreign, now, FakeStripeServer.WebhookSecret);
        (await (await PostAsync(client, other, otherSignature)).ShouldBeJsonAsync(HttpStatusCode.OK)).Str("outcome").ShouldBe("ignored");
        var (created, createdSignature) = FakeStripeServer.SignedEvent("evt_customer", "customer.created", new JsonObject { ["id"] = "cus_x", ["object"] = "customer" }, now, FakeStripeServer.WebhookSecret);
        (await (await PostAsync(client, created, createdSignature)).ShouldBeJsonAsync(HttpStatusCode.OK)).Str("outcome").ShouldBe("ignored");

        // Each environment verifies with its own secret: live has none here, so nothing verifies there.
        await (await client.PostAsync("/webhooks/stripe/live", Body(paid, FakeStripeServer.Sign(paid, now, FakeStripeServer.WebhookSecret))))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "webhook_secret_not_configured");
        (await client.PostAsync("/webhooks/stripe/staging", Body(paid, null))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Voided_and_written_off_in_Stripe_follow_here_and_a_paid_invoice_is_not_voided_by_a_late_event()
    {
        using var factory = new StripeApiFactory();
        var (scenario, _) = await FailedSendAsync(factory);
        var stripeInvoice = factory.Stripe.Objects("invoice").ShouldHaveSingleItem();
        var client = factory.CreateClient();

        var (uncollectible, signature) = FakeStripeServer.SignedEvent("evt_uncollectible", "invoice.marked_uncollectible", stripeInvoice, DateTimeOffset.UtcNow, FakeStripeServer.WebhookSecret);
        (await (await PostAsync(client, uncollectible, signature)).ShouldBeJsonAsync(HttpStatusCode.OK)).Str("outcome").ShouldBe("applied");
        await StripeCollectionTests.WaitForStatusAsync(scenario, "uncollectible");

        var (voided, voidSignature) = FakeStripeServer.SignedEvent("evt_void", "invoice.voided", stripeInvoice, DateTimeOffset.UtcNow, FakeStripeServer.WebhookSecret);
        (await (await PostAsync(client, voided, voidSignature)).ShouldBeJsonAsync(HttpStatusCode.OK)).Str("outcome").ShouldBe("applied");
        var voidedHere = await StripeCollectionTests.WaitForStatusAsync(scenario, "void");
        voidedHere.Str("statusReason").ShouldBe("Voided in Stripe.");

        // Voided here came from Stripe: nothing is sent back to void it there again.
        factory.Stripe.Requests.ShouldNotContain(call => call.Path.EndsWith("/void"));
    }

    /// <summary>A charge_automatically customer without a card: its first invoice is sent to Stripe and its payment fails.</summary>
    private static async Task<(InvoicingScenario Scenario, JsonElement Invoice)> FailedSendAsync(StripeApiFactory factory)
    {
        var scenario = await InvoicingScenario.CreateAsync(factory, collectionMethod: "charge_automatically", recurringFee: 20m, stripeCustomerId: factory.Stripe.CreateCustomer(withDefaultCard: false));
        await scenario.SetClockAsync("2026-06-01T01:00:00Z");
        var invoice = await Eventually.WaitAsync(
            async () => await scenario.OnlyInvoiceAsync(), found => found.GetProperty("paymentFailure").ValueKind == JsonValueKind.String, "the failed send");
        return (scenario, invoice);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string payload, string? signature) =>
        client.PostAsync("/webhooks/stripe/test", Body(payload, signature));

    private static StringContent Body(string payload, string? signature)
    {
        var content = new StringContent(payload, Encoding.UTF8, "application/json");
        if (signature is not null)
        {
            content.Headers.Add("Stripe-Signature", signature);
        }

        return content;
    }
}
