using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Billing.Host.Tests.Support;

namespace Billing.Host.Tests;

/// <summary>
/// INV-16 end to end: a late-usage decrease larger than the next invoice leaves that invoice at 0
/// and the rest in the customer's balance, which the following invoice uses up; a void gives back
/// what its invoice took; the ledger says each movement.
/// </summary>
public sealed class CustomerBalanceTests
{
    [Fact]
    public async Task A_late_decrease_larger_than_the_next_invoice_zeroes_it_keeps_the_rest_in_the_balance_and_the_next_invoice_uses_it()
    {
        await using var factory = new BillingApiFactory();
        var scenario = await InvoicingScenario.CreateAsync(factory);
        var admin = scenario.Admin;
        var seats = "seats-" + scenario.Suffix;
        (await admin.PostAsJsonAsync("/v1/meters", new { code = seats, displayName = "Seats", eventName = seats, aggregation = "latest", property = "count" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        var plan = await (await admin.PostAsJsonAsync("/v1/plans", new
        {
            code = "seats-" + scenario.Suffix, name = "Seats", currency = "USD", interval = "monthly",
            charges = new[] { new { meter = seats, model = "per_unit", unitPrice = 0.10m } },
        })).ShouldBeJsonAsync(HttpStatusCode.Created);
        var customerId = scenario.CustomerId;
        (await admin.PostAsJsonAsync("/v1/subscriptions", new { customerId, planCode = plan.Str("code"), collectionMethod = "send_invoice", startDate = "2026-05-01T00:00:00Z", anchorDay = 1 }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        // May: 1,000 seats at its latest event → 100.00.
        await scenario.SetClockAsync("2026-05-31T00:00:00Z");
        await SeatsAsync(admin, scenario, seats, ("2026-05-20T10:00:00Z", 1000));
        await scenario.SetClockAsync("2026-06-01T03:00:00Z");
        (await SeatInvoiceAsync(scenario, plan, 5)).GetProperty("total").GetDecimal().ShouldBe(100.00m);

        // A later May reading of 10 seats arrives late: May was over-billed by 99.00. June has 50 seats (5.00).
        await SeatsAsync(admin, scenario, seats, ("2026-05-31T12:00:00Z", 10));
        await scenario.SetClockAsync("2026-06-30T00:00:00Z");
        await SeatsAsync(admin, scenario, seats, ("2026-06-10T10:00:00Z", 50));
        await scenario.SetClockAsync("2026-07-01T03:00:00Z");
        var june = await SeatInvoiceAsync(scenario, plan, 6);
        june.GetProperty("total").GetDecimal().ShouldBe(0m, "5.00 − 99.00 is below zero");
        var carried = june.GetProperty("lines").EnumerateArray().Single(line => line.Str("code") == "balance_carried");
        (carried.Str("kind"), carried.GetProperty("amount").GetDecimal()).ShouldBe(("balance", 94.00m));
        (await BalanceAsync(admin, customerId)).GetProperty("balance").GetDecimal().ShouldBe(94.00m);

        // July: 100 seats (10.00), paid from the balance; 84.00 stays.
        await scenario.SetClockAsync("2026-07-31T00:00:00Z");
        await SeatsAsync(admin, scenario, seats, ("2026-07-10T10:00:00Z", 100));
        await scenario.SetClockAsync("2026-08-01T03:00:00Z");
        var july = await SeatInvoiceAsync(scenario, plan, 7);
        july.GetProperty("total").GetDecimal().ShouldBe(0m);
        july.GetProperty("lines").EnumerateArray().Single(line => line.Str("code") == "balance_applied").GetProperty("amount").GetDecimal().ShouldBe(-10.00m);
        (await BalanceAsync(admin, customerId)).GetProperty("balance").GetDecimal().ShouldBe(84.00m);

        // Voiding July gives its 10.00 back.
        (await admin.PostAsJsonAsync($"/v1/invoices/{july.Str("id")}/void", new { reason = "wrong seats" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var balance = await BalanceAsync(factory.ClientWith(BillingApiFactory.TestClientKey), customerId);
        balance.GetProperty("balance").GetDecimal().ShouldBe(94.00m);
        balance.Str("currency").ShouldBe("USD");
        balance.GetProperty("entries").EnumerateArray().Select(entry => (entry.Str("kind"), entry.GetProperty("amount").GetDecimal(), entry.Str("invoiceId")))
            .ShouldBe([("reversed", 10.00m, july.Str("id")), ("applied", -10.00m, july.Str("id")), ("carried_forward", 94.00m, june.Str("id"))]);

        await (await admin.GetAsync("/v1/customers/cus_nobody/balance")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await factory.ClientWith(BillingApiFactory.LiveAdminKey).GetAsync($"/v1/customers/{customerId}/balance")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    private static async Task SeatsAsync(HttpClient admin, InvoicingScenario scenario, string seats, params (string At, int Count)[] readings)
    {
        var events = readings.Select(reading => new { id = Guid.NewGuid().ToString("N"), customer = "acme-" + scenario.Suffix, @event = seats, timestamp = reading.At, properties = new { count = reading.Count } }).ToArray();
        var result = await (await admin.PostAsJsonAsync("/v1/events/batch", new { events })).ShouldBeJsonAsync(HttpStatusCode.OK);
        result.GetProperty("accepted").GetInt32().ShouldBe(readings.Length, result.GetRawText());
    }

    /// <summary>The seats subscription's invoice of a month (the scenario's own usage subscription bills 0 beside it).</summary>
    private static async Task<JsonElement> SeatInvoiceAsync(InvoicingScenario scenario, JsonElement plan, int month)
    {
        var ofMonth = (await scenario.InvoicesAsync()).Where(invoice => invoice.GetProperty("periodStart").GetDateTimeOffset().Month == month);
        var invoices = await Task.WhenAll(ofMonth.Select(invoice => scenario.InvoiceAsync(invoice.Str("id"))));
        return invoices.Single(invoice => invoice.Str("planCode") == plan.Str("code") && invoice.Str("status") != "void");
    }

    private static async Task<JsonElement> BalanceAsync(HttpClient client, string customerId) =>
        await (await client.GetAsync($"/v1/customers/{customerId}/balance")).ShouldBeJsonAsync(HttpStatusCode.OK);
}
