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
        calls.ShouldAllBe(call => call.StripeVersion == FakeStripeServer.ApiVersion && call.Authorization == "Bearer " + FakeStripeServer.SecretKey);
        calls.Where(call => call.Method == "POST").ShouldAllBe(call => call.IdempotencyKey!.StartsWith("billing-test-sendinvoice-" + invoice.Str("id")));
        calls.Count(call => call.Path.EndsWith("/pay")).ShouldBe(1);

        // Stripe's invoice.paid webhook may arrive before the answer to /pay, so the send is recorded done a moment after the invoice is paid.
        var payment = await Eventually.WaitAsync(
            async () => await (await scenario.Admin.GetAsync($"/v1/invoices/{invoice.Str("id")}/payment")).ShouldBeJsonAsync(HttpStatusCode.OK),
            state => state.GetProperty("operations").EnumerateArray().All(operation => operation.Str("status") != "pending"),
            "the send to finish");
        payment.Str("status").ShouldBe("paid");
        payment.Str("providerInvoiceId").ShouldBe(sent["id"]!.ToString());
        payment.GetProperty("operations").EnumerateArray().ShouldHaveSingleItem().Str("status").ShouldBe("done");
    }

    [Fact]
    public async Task A_customer_without_a_default_payment_method_keeps_an_open_invoice_with_the_failure_recorded_and_admins_told_until_charged_again()
    {
        using var factory = new StripeApiFactory();
        factory.WithWebhooks();
        var stripeCustomer = factory.Stripe.CreateCustomer(withDefaultCard: false);
        var scenario = await InvoicingScenario.CreateAsync(factory, collectionMethod: "charge_automatically", recurringFee: 20m, stripeCustomerId: stripeCustomer);

        await scenario.SetClockAsync("2026-06-01T01:00:00Z");

        // PAY-5: still owed, with the reason, told once to admins, and the failed send is not retried in a loop.
        // (Stripe's invoice.payment_failed webhook, which has no reason, may arrive before the charge's answer, which has it.)
        var invoice = await Eventually.WaitAsync(
            async () => await scenario.OnlyInvoiceAsync(),
            found => found.GetProperty("paymentFailure").ValueKind == JsonValueKind.String && found.Str("paymentFailure") == "requires_payment_method",
            "the payment failure with its reason");
        invoice.Str("status").ShouldBe("open");
        var id = invoice.Str("id");
        var payment = await Eventually.WaitAsync(
            async () => await (await scenario.Admin.GetAsync($"/v1/invoices/{id}/payment")).ShouldBeJsonAsync(HttpStatusCode.OK),
            state => state.GetProperty("operations").EnumerateArray().All(operation => operation.Str("status") == "done"),
            "the send to finish");
        payment.Str("status").ShouldBe("payment_failed");
        payment.Str("failureReason").ShouldBe("requires_payment_method");
        payment.GetProperty("operations").EnumerateArray().ShouldHaveSingleItem();
        var notices = await Eventually.WaitAsync(
            async () => (await (await scenario.Admin.GetAsync($"/v1/notifications?invoice={id}")).ShouldBeJsonAsync(HttpStatusCode.OK)).EnumerateArray()
                .Where(notice => notice.Str("type") == "invoice.payment_failed").ToList(),
            found => found.Count > 0,
            "the admin notice");
        notices.ShouldHaveSingleItem().Str("audience").ShouldBe("admins");
        var history = await (await scenario.Admin.GetAsync($"/v1/invoices/{id}/history")).ShouldBeJsonAsync(HttpStatusCode.OK);
        history.EnumerateArray().Count(entry => entry.Str("action") == "payment_failed").ShouldBe(1);
        factory.Stripe.Requests.Count(call => call.Path.EndsWith("/pay")).ShouldBe(1);

        // The customer adds a card; an admin charges again: a new attempt with a key of its own.
        factory.Stripe.AddDefaultCard(stripeCustomer);
        var charged = await (await scenario.Admin.PostAsync($"/v1/invoices/{id}/charge", null)).ShouldBeJsonAsync(HttpStatusCode.Accepted);
        charged.Str("status").ShouldBe("open");
        var paid = await WaitForStatusAsync(scenario, "paid");
        paid.GetProperty("paymentFailure").ValueKind.ShouldBe(JsonValueKind.Null);
        factory.Stripe.Objects("invoice").ShouldHaveSingleItem()["status"]!.ToString().ShouldBe("paid");
        factory.Stripe.Requests.Where(call => call.Path.EndsWith("/pay")).Select(call => call.IdempotencyKey).Distinct().Count().ShouldBe(2);
    }

    [Fact]
    public async Task Manual_invoices_go_to_Stripe_only_when_an_admin_charges_them_and_refusals_say_why()
    {
        using var factory = new StripeApiFactory();
        factory.WithWebhooks();
        var scenario = await InvoicingScenario.CreateAsync(factory, recurringFee: 30m, stripeCustomerId: factory.Stripe.CreateCustomer(withDefaultCard: true));
        var admin = scenario.Admin;
        await scenario.SetClockAsync("2026-05-10T00:00:00Z");
        var manual = await (await admin.PostAsJsonAsync("/v1/invoices", new { customerId = scenario.CustomerId, reason = "interim invoice" })).ShouldBeJsonAsync(HttpStatusCode.Created);
        var id = manual.Str("id");

        await (await admin.PostAsync($"/v1/invoices/{id}/charge", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "invoice_not_chargeable");
        (await (await admin.PostAsJsonAsync($"/v1/invoices/{id}/finalize", new { })).ShouldBeJsonAsync(HttpStatusCode.OK)).Str("status").ShouldBe("open");
        await factory.Events.WaitForAsync<InvoiceFinalizedIntegrationEvent>(finalized => finalized.InvoiceId == id);

        // INV-9: finalizing a manual invoice sends nothing.
        factory.Stripe.Objects("invoice").ShouldBeEmpty();
        (await (await admin.GetAsync($"/v1/invoices/{id}/payment")).ShouldBeJsonAsync(HttpStatusCode.OK)).Str("status").ShouldBe("not_sent");

        await (await factory.ClientWith(BillingApiFactory.TestClientKey).PostAsync($"/v1/invoices/{id}/charge", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await admin.PostAsync("/v1/invoices/inv_missing/charge", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        (await (await admin.PostAsync($"/v1/invoices/{id}/charge", null)).ShouldBeJsonAsync(HttpStatusCode.Accepted)).Str("status").ShouldBe("queued");

        (await WaitForStatusAsync(scenario, "paid")).Str("id").ShouldBe(id);
        factory.Stripe.Objects("invoice").ShouldHaveSingleItem()["metadata"]!["billing_invoice_id"]!.ToString().ShouldBe(id);

        // PAY-8: sent and paid, the invoice is settled in Stripe too; charging it again is refused.
        await (await admin.PostAsync($"/v1/invoices/{id}/charge", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "invoice_already_sent");
    }

    [Fact]
    public async Task An_invoice_Stripe_settles_at_finalization_is_paid_in_Billing_too_and_pay_is_never_called()
    {
        using var factory = new StripeApiFactory();
        factory.WithWebhooks();
        var stripeCustomer = factory.Stripe.CreateCustomer(withDefaultCard: true);
        factory.Stripe.SetBalance(stripeCustomer, -10_000);
        var scenario = await InvoicingScenario.CreateAsync(factory, collectionMethod: "charge_automatically", recurringFee: 20m, stripeCustomerId: stripeCustomer);

        await scenario.SetClockAsync("2026-06-01T01:00:00Z");

        var invoice = await WaitForStatusAsync(scenario, "paid");
        invoice.GetProperty("paymentFailure").ValueKind.ShouldBe(JsonValueKind.Null);
        factory.Stripe.Objects("invoice").ShouldHaveSingleItem()["status"]!.ToString().ShouldBe("paid");
        var payment = await Eventually.WaitAsync(
            async () => await (await scenario.Admin.GetAsync($"/v1/invoices/{invoice.Str("id")}/payment")).ShouldBeJsonAsync(HttpStatusCode.OK),
            state => state.GetProperty("operations").EnumerateArray().All(operation => operation.Str("status") != "pending"),
            "the send to finish");
        payment.Str("status").ShouldBe("paid");
        factory.Stripe.Requests.ShouldNotContain(call => call.Path.EndsWith("/pay"), "Stripe said paid when it finalized; only an open invoice is paid (PAY-4)");
    }

    [Fact]
    public async Task Invoices_with_nothing_to_charge_or_less_than_Stripes_minimum_are_never_sent_and_a_charge_says_why()
    {
        using var factory = new StripeApiFactory();
        var small = await InvoicingScenario.CreateAsync(
            factory, collectionMethod: "charge_automatically", stripeCustomerId: factory.Stripe.CreateCustomer(withDefaultCard: true));
        var nothing = await InvoicingScenario.CreateAsync(
            factory, collectionMethod: "charge_automatically", stripeCustomerId: factory.Stripe.CreateCustomer(withDefaultCard: true));
        await small.SetClockAsync("2026-05-20T00:00:00Z");
        await small.CallsAtAsync("2026-05-03T10:00:00Z", "2026-05-04T10:00:00Z", "2026-05-05T10:00:00Z");

        await small.SetClockAsync("2026-06-01T01:00:00Z");

        var smallInvoice = await small.OnlyInvoiceAsync();
        var nothingInvoice = await nothing.OnlyInvoiceAsync();
        (smallInvoice.GetProperty("total").GetDecimal(), nothingInvoice.GetProperty("total").GetDecimal()).ShouldBe((0.30m, 0m));
        await factory.Events.WaitForAsync<InvoiceFinalizedIntegrationEvent>(finalized => finalized.InvoiceId == smallInvoice.Str("id"));
        await factory.Events.WaitForAsync<InvoiceFinalizedIntegrationEvent>(finalized => finalized.InvoiceId == nothingInvoice.Str("id"));

        // Stripe would mark both paid at finalization and carry 0.30 to a later charge that Billing's total does not show (docs-adr/0030).
        factory.Stripe.Objects("invoice").ShouldBeEmpty();
        (await (await small.Admin.GetAsync($"/v1/invoices/{smallInvoice.Str("id")}/payment")).ShouldBeJsonAsync(HttpStatusCode.OK)).Str("status").ShouldBe("not_sent");
        (await (await small.Admin.PostAsync($"/v1/invoices/{smallInvoice.Str("id")}/charge", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "amount_below_minimum"))
            .Str("detail").ShouldContain("0.50 USD");
        await (await nothing.Admin.PostAsync($"/v1/invoices/{nothingInvoice.Str("id")}/charge", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "nothing_to_charge");
        factory.Stripe.Objects("invoice").ShouldBeEmpty();
    }

    [Fact]
    public async Task Customers_without_a_Stripe_link_are_billed_but_never_charged()
    {
        using var factory = new StripeApiFactory();
        var scenario = await InvoicingScenario.CreateAsync(factory, collectionMethod: "charge_automatically", recurringFee: 20m);

        await scenario.SetClockAsync("2026-06-01T01:00:00Z");

        var invoice = await scenario.OnlyInvoiceAsync();
        await factory.Events.WaitForAsync<InvoiceFinalizedIntegrationEvent>(finalized => finalized.InvoiceId == invoice.Str("id"));
        invoice.Str("status").ShouldBe("open");
        factory.Stripe.Requests.ShouldBeEmpty();
        await (await scenario.Admin.PostAsync($"/v1/invoices/{invoice.Str("id")}/charge", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "customer_not_linked");
    }

    [Fact]
    public async Task Void_and_regenerate_follow_the_invoice_to_Stripe()
    {
        using var factory = new StripeApiFactory();
        factory.WithWebhooks();
        var scenario = await InvoicingScenario.CreateAsync(factory, collectionMethod: "charge_automatically", recurringFee: 20m, stripeCustomerId: factory.Stripe.CreateCustomer(withDefaultCard: false));
        await scenario.SetClockAsync("2026-06-01T01:00:00Z");
        var first = await Eventually.WaitAsync(
            async () => await scenario.OnlyInvoiceAsync(), found => found.GetProperty("paymentFailure").ValueKind == JsonValueKind.String, "the first send");

        // INV-10: regenerate voids the old invoice (in Stripe too) and the new scheduled one is sent in its place.
        var replacement = await (await scenario.Admin.PostAsJsonAsync($"/v1/invoices/{first.Str("id")}/regenerate", new { reason = "wrong fee" }))
            .ShouldBeJsonAsync(HttpStatusCode.Created);
        if (replacement.Str("status") == "draft")
        {
            await (await scenario.Admin.PostAsJsonAsync($"/v1/invoices/{replacement.Str("id")}/finalize", new { })).ShouldBeJsonAsync(HttpStatusCode.OK);
        }

        var sent = await Eventually.WaitAsync(
            () => Task.FromResult(factory.Stripe.Objects("invoice")),
            invoices => invoices.Count == 2 && invoices.Any(invoice => invoice["status"]!.ToString() == "void") && invoices.Any(invoice => invoice["status"]!.ToString() == "open"),
            "the old Stripe invoice void and the new one open");
        sent.Single(invoice => invoice["status"]!.ToString() == "void")["metadata"]!["billing_invoice_id"]!.ToString().ShouldBe(first.Str("id"));
        sent.Single(invoice => invoice["status"]!.ToString() == "open")["metadata"]!["billing_invoice_id"]!.ToString().ShouldBe(replacement.Str("id"));

        // A void in Billing reaches Stripe; Stripe's own invoice.voided webhook then changes nothing more.
        (await (await scenario.Admin.PostAsJsonAsync($"/v1/invoices/{replacement.Str("id")}/void", new { reason = "customer left" })).ShouldBeJsonAsync(HttpStatusCode.OK))
            .Str("status").ShouldBe("void");
        await Eventually.WaitAsync(
            () => Task.FromResult(factory.Stripe.Objects("invoice")), invoices => invoices.All(invoice => invoice["status"]!.ToString() == "void"), "both Stripe invoices void");
        var payment = await Eventually.WaitAsync(
            async () => await (await scenario.Admin.GetAsync($"/v1/invoices/{replacement.Str("id")}/payment")).ShouldBeJsonAsync(HttpStatusCode.OK),
            state => state.Str("status") == "void",
            "the payment state void");
        payment.GetProperty("operations").EnumerateArray().Select(operation => operation.Str("kind")).ShouldBe(["send_invoice", "void_invoice"]);
    }

    [Fact]
    public async Task A_send_Stripe_refuses_for_good_is_recorded_not_retried_and_an_admin_finishes_it_after_fixing_the_link()
    {
        using var factory = new StripeApiFactory();
        factory.WithWebhooks();
        var scenario = await InvoicingScenario.CreateAsync(factory, collectionMethod: "charge_automatically", recurringFee: 20m, stripeCustomerId: "cus_doesnotexist");

        await scenario.SetClockAsync("2026-06-01T01:00:00Z");

        var id = (await scenario.OnlyInvoiceAsync()).Str("id");
        var failed = await Eventually.WaitAsync(
            async () => await (await scenario.Admin.GetAsync($"/v1/invoices/{id}/payment")).ShouldBeJsonAsync(HttpStatusCode.OK),
            state => state.GetProperty("operations").EnumerateArray().Any(operation => operation.Str("status") == "failed"),
            "the refused send");
        failed.Str("status").ShouldBe("queued");
        failed.GetProperty("operations").EnumerateArray().ShouldHaveSingleItem().Str("lastError").ShouldContain("No such customer: 'cus_doesnotexist'");
        factory.Stripe.Requests.Count(call => call.Path == "/v1/invoices").ShouldBe(1);

        // The admin fixes the link and charges: the send starts over with the right customer and new keys.
        var stripeCustomer = factory.Stripe.CreateCustomer(withDefaultCard: true);
        (await scenario.Admin.PatchAsJsonAsync($"/v1/customers/{scenario.CustomerId}", new { stripeCustomerId = stripeCustomer })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await scenario.Admin.PostAsync($"/v1/invoices/{id}/charge", null)).ShouldBeJsonAsync(HttpStatusCode.Accepted)).Str("providerCustomerId").ShouldBe(stripeCustomer);

        await WaitForStatusAsync(scenario, "paid");
        factory.Stripe.Objects("invoice").ShouldHaveSingleItem()["customer"]!.ToString().ShouldBe(stripeCustomer);
        factory.Stripe.Requests.Where(call => call.Path == "/v1/invoices").Select(call => call.IdempotencyKey)
            .ShouldBe([$"billing-test-sendinvoice-{id}-invoice", $"billing-test-sendinvoice-{id}-2-invoice"]);
    }

    internal static Task<JsonElement> WaitForStatusAsync(InvoicingScenario scenario, string status) =>
        Eventually.WaitAsync(
            async () => (await scenario.InvoicesAsync()).FirstOrDefault(),
            invoice => invoice.ValueKind == JsonValueKind.Object && invoice.Str("status") == status,
            $"the invoice to be {status}").ContinueWith(found => scenario.InvoiceAsync(found.Result.Str("id"))).Unwrap();
}
