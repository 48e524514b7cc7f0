using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Billing.Host.Tests.FakeStripe;
using Billing.Host.Tests.Support;
using Billing.Invoicing.Contracts;

namespace Billing.Host.Tests;

/// <summary>PAY-4, PAY-5, PAY-6, PAY-8, INV-10 end to end: the simulated clock, the product, and a fake Stripe over real HTTP.</summary>
public sealed class StripeCollectionTests
{
    [Fact]
    public async Task A_linked_customers_cycle_invoice_is_created_finalized_and_paid_in_Stripe_and_the_webhook_marks_it_paid()
    {
        using var factory = new StripeApiFactory();
        factory.WithWebhooks();
        var stripeCustomer = factory.Stripe.CreateCustomer(withDefaultCard: true);
        var scenario = await InvoicingScenario.CreateAsync(factory, collectionMethod: "charge_automatically", recurringFee: 20m, taxRate: 10m, stripeCustomerId: stripeCustomer);
        await scenario.SetClockAsync("2026-05-20T00:00:00Z");
        await scenario.CallsAtAsync("2026-05-03T10:00:00Z", "2026-05-04T10:00:00Z", "2026-05-05T10:00:00Z");

        await scenario.SetClockAsync("2026-06-01T01:00:00Z");

        var invoice = await WaitForStatusAsync(scenario, "paid");
        var sent = factory.Stripe.Objects("invoice").ShouldHaveSingleItem();
        sent["status"]!.ToString().ShouldBe("paid");
        sent["customer"]!.ToString().ShouldBe(stripeCustomer);
        sent["currency"]!.ToString().ShouldBe("usd");
        sent["metadata"]!["billing_invoice_id"]!.ToString().ShouldBe(invoice.Str("id"));
        sent["metadata"]!["billing_invoice_number"]!.ToString().ShouldBe(invoice.Str("number"));
        sent["metadata"]!["billing_customer_id"]!.ToString().ShouldBe(scenario.CustomerId);
        sent["metadata"]!["billing_environment"]!.ToString().ShouldBe("test");

        // One Stripe invoice item per line, in minor units, adding up to Billing's total.
        var lines = invoice.GetProperty("lines").EnumerateArray().ToList();
        var items = sent["lines"]!["data"]!.AsArray().Select(item => (Description: item!["description"]!.ToString(), Amount: item["amount"]!.GetValue<long>())).ToList();
        items.ShouldBe(lines.Select(line => (line.Str("description"), (long)(line.GetProperty("amount").GetDecimal() * 100))).ToList());
        sent["total"]!.GetValue<long>().ShouldBe((long)(invoice.GetProperty("total").GetDecimal() * 100));
        invoice.GetProperty("total").GetDecimal().ShouldBe(22.33m);

        // Every call pinned the API version; every state-changing one carried an idempotency key made of Billing's ids (PAY-7).
        var calls = factory.Stripe.Requests.ToList();
        calls.ShouldAllBe(call => call.StripeVersion == "2023-08-16" && call.Authorization == "Bearer " + FakeStripeServer.SecretKey);
        calls.Where(call => call.Method == "POST").ShouldAllBe(call => call.IdempotencyKey!.StartsWith("billing-test-sendinvoice-" + invoice.Str("id")));
        calls.Count(call => call.Path.EndsWith("/pay")).ShouldBe(1);

        var payment = await (await scenario.Admin.GetAsync($"/v1/invoices/{invoice.Str("id")}/payment")).ShouldBeJsonAsync(HttpStatusCode.OK);
        payment.Str("status").ShouldBe("paid");
        payment.Str("providerInvoiceId").ShouldBe(sent["id"]!.ToString());
        payment.GetProperty("operations").EnumerateArray().ShouldHaveSingleItem().Str("status").ShouldBe("done");
    }

    internal static Task<JsonElement> WaitForStatusAsync(InvoicingScenario scenario, string status) =>
        Eventually.WaitAsync(
            async () => (await scenario.InvoicesAsync()).FirstOrDefault(),
            invoice => invoice.ValueKind == JsonValueKind.Object && invoice.Str("status") == status,
            $"the invoice to be {status}").ContinueWith(found => scenario.InvoiceAsync(found.Result.Str("id"))).Unwrap();
}
