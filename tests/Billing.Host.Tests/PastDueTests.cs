using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Billing.Host.Tests.Support;

namespace Billing.Host.Tests;

/// <summary>INV-11: the daily past-due move, notifications per preference, signed webhooks retried with backoff.</summary>
public sealed class PastDueTests
{
    [Fact]
    public async Task An_unpaid_invoice_goes_past_due_after_its_due_day_and_signed_webhooks_reach_the_endpoint_retried_after_a_failure()
    {
        await using var receiver = new WebhookReceiver(500);
        await using var factory = new BillingApiFactory();
        var scenario = await InvoicingScenario.CreateAsync(factory, recurringFee: 50m);
        var admin = scenario.Admin;
        var endpoint = await (await admin.PostAsJsonAsync("/v1/webhook-endpoints", new { url = receiver.Url })).ShouldBeJsonAsync(HttpStatusCode.Created);
        var secret = endpoint.Str("secret");
        secret.ShouldStartWith("whsec_");
        (await (await admin.GetAsync("/v1/webhook-endpoints")).ShouldBeJsonAsync(HttpStatusCode.OK))[0].GetProperty("secret").ValueKind.ShouldBe(JsonValueKind.Null);
        await (await admin.PostAsJsonAsync("/v1/webhook-endpoints", new { url = "ftp://example.com" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_error");
        (await admin.PatchAsJsonAsync($"/v1/customers/{scenario.CustomerId}", new
        {
            notificationPreferences = new { invoiceIssued = "none", paymentFailed = "none", pastDue = "webhook" },
        })).StatusCode.ShouldBe(HttpStatusCode.OK);

        await scenario.SetClockAsync("2026-06-01T01:00:00Z");
        await scenario.SetClockAsync("2026-06-01T02:00:00Z");
        var invoice = await scenario.OnlyInvoiceAsync();
        invoice.GetProperty("dueDate").GetDateTimeOffset().ShouldBe(new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero));

        // Still open through its whole due day.
        await scenario.SetClockAsync("2026-07-01T23:59:00Z");
        (await scenario.InvoiceAsync(invoice.Str("id"))).Str("status").ShouldBe("open");
        receiver.Received.ShouldBeEmpty();

        await scenario.SetClockAsync("2026-07-02T00:00:00Z");
        var pastDue = await scenario.InvoiceAsync(invoice.Str("id"));
        pastDue.Str("status").ShouldBe("past_due");
        (await factory.Events.WaitForAsync<Billing.Invoicing.Contracts.InvoicePastDueIntegrationEvent>(e => e.InvoiceId == invoice.Str("id"))).Total.ShouldBe(50m);
        var history = (await (await admin.GetAsync($"/v1/invoices/{invoice.Str("id")}/history")).ShouldBeJsonAsync(HttpStatusCode.OK)).EnumerateArray().Last();
        (history.Str("actor"), history.Str("reason")).ShouldBe(("system:invoicing-cycle", "due date 2026-07-01 passed unpaid"));

        // Admins and the customer (by webhook) are notified; the first attempt got a 500 and waits a minute.
        receiver.Received.Count.ShouldBe(2);
        var notifications = await NotificationsAsync(admin, invoice.Str("id"));
        notifications.Select(notification => (notification.Str("type"), notification.Str("audience"), notification.Str("channel")))
            .ShouldBe([("invoice.past_due", "admins", "admin_feed"), ("invoice.past_due", "customer", "webhook")], ignoreOrder: true);
        Deliveries(notifications).Select(delivery => delivery.Str("state")).ShouldBe(["delivered", "pending"], ignoreOrder: true);

        await scenario.AdvanceAsync("PT1M");
        receiver.Received.Count.ShouldBe(3);
        Deliveries(await NotificationsAsync(admin, invoice.Str("id"))).Select(delivery => (delivery.Str("state"), delivery.GetProperty("attempts").GetInt32()))
            .ShouldBe([("delivered", 1), ("delivered", 2)], ignoreOrder: true);

        // Every request is signed with the endpoint's secret over "t.body".
        foreach (var (signature, eventId, body, _) in receiver.Received)
        {
            var parts = signature.Split(',').Select(part => part.Split('=', 2)).ToDictionary(part => part[0], part => part[1]);
            var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{parts["t"]}.{body}")));
            parts["v1"].ShouldBe(expected);
            long.Parse(parts["t"], CultureInfo.InvariantCulture).ShouldBeInRange(new DateTimeOffset(2026, 7, 2, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), new DateTimeOffset(2026, 7, 2, 0, 1, 0, TimeSpan.Zero).ToUnixTimeSeconds());
            JsonDocument.Parse(body).RootElement.Str("id").ShouldBe(eventId);
            JsonDocument.Parse(body).RootElement.GetProperty("data").Str("invoiceId").ShouldBe(invoice.Str("id"));
        }

        // The job runs again and again; nothing moves twice.
        await scenario.AdvanceAsync("P1D");
        receiver.Received.Count.ShouldBe(3);
        (await NotificationsAsync(admin, invoice.Str("id"))).Count.ShouldBe(2);
    }

    private static async Task<List<JsonElement>> NotificationsAsync(HttpClient admin, string invoiceId) =>
        (await (await admin.GetAsync($"/v1/notifications?invoice={invoiceId}")).ShouldBeJsonAsync(HttpStatusCode.OK)).EnumerateArray().ToList();

    private static IEnumerable<JsonElement> Deliveries(IEnumerable<JsonElement> notifications) =>
        notifications.SelectMany(notification => notification.GetProperty("deliveries").EnumerateArray());
}
