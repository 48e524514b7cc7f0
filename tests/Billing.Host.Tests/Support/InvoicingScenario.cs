using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Billing.Host.Tests.Support;

/// <summary>
/// A customer on a monthly usage plan (0.10 USD per call, anchor day 1) in a host of its own, so its
/// simulated clock can move freely: the shape of every invoicing end-to-end test.
/// </summary>
public sealed class InvoicingScenario
{
    private InvoicingScenario(HttpClient admin, string suffix, string customerId, string subscriptionId)
    {
        Admin = admin;
        Suffix = suffix;
        CustomerId = customerId;
        SubscriptionId = subscriptionId;
    }

    public HttpClient Admin { get; }

    public string Suffix { get; }

    public string CustomerId { get; }

    public string SubscriptionId { get; }

    public string Calls => "call-" + Suffix;

    public static async Task<InvoicingScenario> CreateAsync(
        BillingApiFactory factory, string collectionMethod = "send_invoice", decimal recurringFee = 0m, string startDate = "2026-05-01T00:00:00Z", decimal taxRate = 0m,
        string? stripeCustomerId = null, string adminKey = BillingApiFactory.TestAdminKey, int? trialDays = null)
    {
        var admin = factory.ClientWith(adminKey);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var customer = await (await admin.PostAsJsonAsync("/v1/customers", new { externalId = "acme-" + suffix, kind = "company", name = "Acme " + suffix, currency = "USD", taxRate, stripeCustomerId }))
            .ShouldBeJsonAsync(HttpStatusCode.Created);
        (await admin.PostAsJsonAsync("/v1/meters", new { code = "call-" + suffix, displayName = "Calls", eventName = "call-" + suffix, aggregation = "count" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        var plan = await (await admin.PostAsJsonAsync("/v1/plans", new
        {
            code = "usage-" + suffix,
            name = "Usage",
            currency = "USD",
            interval = "monthly",
            fixedFees = new { recurringFee },
            charges = new[] { new { meter = "call-" + suffix, model = "per_unit", unitPrice = 0.10m } },
        })).ShouldBeJsonAsync(HttpStatusCode.Created);
        var subscription = await (await admin.PostAsJsonAsync("/v1/subscriptions", new
        {
            customerId = customer.Str("id"), planCode = plan.Str("code"), collectionMethod, startDate, anchorDay = 1, trialDays,
        })).ShouldBeJsonAsync(HttpStatusCode.Created);
        return new InvoicingScenario(admin, suffix, customer.Str("id"), subscription.Str("id"));
    }

    public async Task SetClockAsync(string instant) =>
        (await Admin.PutAsJsonAsync("/v1/test/clock", new { now = instant })).StatusCode.ShouldBe(HttpStatusCode.OK);

    public async Task AdvanceAsync(string by) =>
        (await Admin.PostAsJsonAsync("/v1/test/clock/advance", new { by })).StatusCode.ShouldBe(HttpStatusCode.OK);

    /// <summary>Records calls at the given instants; every one must be accepted.</summary>
    public async Task CallsAtAsync(params string[] timestamps)
    {
        var events = timestamps.Select(timestamp => new { id = Guid.NewGuid().ToString("N"), customer = "acme-" + Suffix, @event = Calls, timestamp }).ToArray();
        var result = await (await Admin.PostAsJsonAsync("/v1/events/batch", new { events })).ShouldBeJsonAsync(HttpStatusCode.OK);
        result.GetProperty("accepted").GetInt32().ShouldBe(timestamps.Length, result.GetRawText());
    }

    /// <summary>The customer's invoices, newest first.</summary>
    public async Task<IReadOnlyList<JsonElement>> InvoicesAsync() =>
        (await (await Admin.GetAsync($"/v1/invoices?customer={CustomerId}")).ShouldBeJsonAsync(HttpStatusCode.OK))
            .GetProperty("data").EnumerateArray().ToList();

    public async Task<JsonElement> InvoiceAsync(string id) =>
        await (await Admin.GetAsync($"/v1/invoices/{id}")).ShouldBeJsonAsync(HttpStatusCode.OK);

    /// <summary>The invoice's line of a code (recurring_fee, a meter's code…).</summary>
    public static JsonElement Line(JsonElement invoice, string code) =>
        invoice.GetProperty("lines").EnumerateArray().Single(line => line.Str("code") == code);

    public async Task<JsonElement> OnlyInvoiceAsync()
    {
        var invoices = await InvoicesAsync();
        invoices.Count.ShouldBe(1);
        return await InvoiceAsync(invoices[0].Str("id"));
    }
}
