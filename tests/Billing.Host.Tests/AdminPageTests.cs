using System.Net;
using System.Net.Http.Json;
using Billing.Host.Tests.Support;
using Microsoft.Playwright;

namespace Billing.Host.Tests;

/// <summary>API-3 in a real browser (headless Chromium): sign in, filter, open, void, regenerate, change a plan, cancel a subscription, and a refused action shown plainly.</summary>
public sealed class AdminPageTests
{
    [Fact]
    public async Task An_admin_signs_in_filters_the_list_opens_an_invoice_voids_it_regenerates_another_cancels_a_subscription_and_sees_a_refusal()
    {
        await using var host = await BrowserHost.StartAsync();
        var acme = await InvoicingScenario.CreateAsync(host.Factory, recurringFee: 49m, taxRate: 8.25m);
        var globex = await InvoicingScenario.CreateAsync(host.Factory, recurringFee: 99m);
        await acme.SetClockAsync("2026-05-20T00:00:00Z");
        await acme.CallsAtAsync("2026-05-03T10:00:00Z", "2026-05-04T10:00:00Z", "2026-05-05T10:00:00Z");
        await acme.SetClockAsync("2026-06-01T01:00:00Z");
        await acme.SetClockAsync("2026-06-01T02:00:00Z");
        var acmeInvoice = await acme.OnlyInvoiceAsync();
        var globexInvoice = await globex.OnlyInvoiceAsync();
        acmeInvoice.Str("status").ShouldBe("open");
        var number = acmeInvoice.Str("number");
        await acme.CallsAtAsync("2026-06-01T01:30:00Z", "2026-06-01T01:45:00Z");
        var page = host.Page;

        // The page and its scripts are the product's own; nothing secret is in them.
        var html = await (await host.Admin().GetAsync("/admin")).Content.ReadAsStringAsync();
        html.ShouldNotContain(BillingApiFactory.TestAdminKey);

        // Sign in: a client key is not enough; an admin key is kept for the tab, and the banner says which environment.
        await page.GotoAsync(host.BaseUrl + "/admin");
        await page.GetByLabel("Admin API key").FillAsync(BillingApiFactory.TestClientKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("That key is not an admin key.");
        await page.GetByLabel("Admin API key").FillAsync(BillingApiFactory.TestAdminKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("#env-flag")).ToHaveTextAsync("Test data");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Invoices" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(2);

        // Filter: open invoices of Acme, by search.
        await page.GetByLabel("Search (number or customer)").FillAsync(acme.Suffix);
        await page.GetByLabel("Status").SelectOptionAsync("open");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("tbody tr").First).ToContainTextAsync(number);
        await Assertions.Expect(page.Locator("tbody tr").First).ToContainTextAsync("USD 53.37");
        await host.ScreenshotAsync("admin-invoices.png");

        // Open it: lines grouped with their computation, totals, Stripe state and history.
        await page.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Invoice " + number })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Fixed fees" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Usage" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tax" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#totals")).ToContainTextAsync("USD 53.37");
        await Assertions.Expect(page.Locator("#stripe")).ToContainTextAsync("not sent");
        await host.ScreenshotAsync("admin-invoice.png");

        // A refused action shows the API's own words: Acme has no Stripe customer to charge.
        await page.GetByRole(AriaRole.Button, new() { Name = "Charge" }).ClickAsync();
        await page.Locator("#confirm-ok").ClickAsync();
        await Assertions.Expect(page.Locator("#confirm-error")).ToContainTextAsync("has no Stripe customer");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();

        // Void with a reason: the status and the history change.
        await page.GetByRole(AriaRole.Button, new() { Name = "Void" }).ClickAsync();
        await page.GetByLabel("Reason").FillAsync("sent to the wrong entity");
        await page.Locator("#confirm-ok").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Invoice " + number })).ToContainTextAsync("void");
        await Assertions.Expect(page.GetByRole(AriaRole.Table).Last).ToContainTextAsync("sent to the wrong entity");
        (await acme.InvoiceAsync(acmeInvoice.Str("id"))).Str("status").ShouldBe("void");

        // Regenerate Globex's invoice: the page moves to the new one, which points back at the old.
        await page.GotoAsync($"{host.BaseUrl}/admin#/invoices/{globexInvoice.Str("id")}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Regenerate" }).ClickAsync();
        await page.GetByLabel("Reason").FillAsync("price corrected");
        await page.Locator("#confirm-ok").ClickAsync();
        await Assertions.Expect(page.Locator("dl.meta").First).ToContainTextAsync(globexInvoice.Str("id"));
        (await globex.InvoiceAsync(globexInvoice.Str("id"))).Str("status").ShouldBe("void");

        // Customers at a glance: this period's usage per meter and the upcoming invoice.
        await page.GetByRole(AriaRole.Link, new() { Name = "Customers", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Acme " + acme.Suffix }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img)).ToHaveAttributeAsync("aria-label", $"call-{acme.Suffix}: 2");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Upcoming invoice" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("section").First).ToContainTextAsync("Total so far: USD 53.26");
        await host.ScreenshotAsync("admin-customer.png");

        // PLN-6: change to Globex's plan (the one other USD monthly plan) at the period end; June stays on Acme's.
        await page.GetByLabel("New plan").SelectOptionAsync("usage-" + globex.Suffix);
        await page.GetByLabel("When").SelectOptionAsync("period_end");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change plan" }).ClickAsync();
        await Assertions.Expect(page.Locator("section").First).ToContainTextAsync($"Plans: usage-{acme.Suffix} from 2026-05-01, usage-{globex.Suffix} from 2026-07-01");
        await Assertions.Expect(page.Locator("#balance")).ToHaveTextAsync("USD 0.00");

        // PLN-5: cancel now with a reason. June is cut at 02:00: 49 × 7,200 s / 2,592,000 s = 0.136… → 0.14,
        // 2 calls × 0.10 = 0.20, tax 8.25 % of 0.34 = 0.028… → 0.03; total 0.37.
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel now" }).ClickAsync();
        await page.GetByLabel("Reason").FillAsync("closing the account");
        await page.Locator("#confirm-ok").ClickAsync();
        await Assertions.Expect(page.Locator("section").First).ToContainTextAsync("Status: canceled; ends 2026-06-01 02:00:00 UTC (closing the account)");
        await Assertions.Expect(page.Locator("section").First).ToContainTextAsync("Total so far: USD 0.37");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cancel now" })).ToHaveCountAsync(0);
        await host.ScreenshotAsync("admin-customer-canceled.png");
        (await (await acme.Admin.GetAsync($"/v1/subscriptions/{acme.SubscriptionId}")).ShouldBeJsonAsync(HttpStatusCode.OK)).Str("status").ShouldBe("canceled");

        // The environment is part of the session: signing out forgets the key.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Admin API key")).ToBeVisibleAsync();
        (await page.EvaluateAsync<string?>("() => sessionStorage.getItem('billing.keys')")).ShouldBeNull();
    }

    [Fact]
    public async Task Drafts_take_adjustments_linked_invoices_are_charged_files_download_and_the_live_switch_is_unmistakable()
    {
        await using var host = await BrowserHost.StartAsync();
        var stripeCustomer = host.Factory.Stripe.CreateCustomer(withDefaultCard: true);
        var acme = await InvoicingScenario.CreateAsync(host.Factory, recurringFee: 30m, stripeCustomerId: stripeCustomer);
        await acme.SetClockAsync("2026-05-20T00:00:00Z");

        // A manual invoice (INV-9): drafted now, sent to Stripe only when an admin charges it.
        var draft = await (await acme.Admin.PostAsJsonAsync("/v1/invoices", new { customerId = acme.CustomerId, reason = "interim invoice" }))
            .ShouldBeJsonAsync(HttpStatusCode.Created);
        draft.Str("status").ShouldBe("draft");
        var page = host.Page;
        await page.GotoAsync(host.BaseUrl + "/admin");
        await page.GetByLabel("Admin API key").FillAsync(BillingApiFactory.TestAdminKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("#env-flag")).ToHaveTextAsync("Test data");
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(1);

        // A draft takes an adjustment with a reason, then is finalized and charged through Stripe.
        await page.GotoAsync($"{host.BaseUrl}/admin#/invoices/{draft.Str("id")}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add adjustment" }).ClickAsync();
        await page.GetByLabel("Amount (negative for a credit)").FillAsync("-5");
        await page.GetByLabel("Reason").FillAsync("goodwill credit");
        await page.Locator("#confirm-ok").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Adjustments" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#totals")).ToContainTextAsync("USD 25.00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Finalize now" }).ClickAsync();
        await page.Locator("#confirm-ok").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("TEST-000001");
        await Assertions.Expect(page.Locator("#stripe")).ToContainTextAsync("not sent");
        await page.GetByRole(AriaRole.Button, new() { Name = "Charge" }).ClickAsync();
        await page.Locator("#confirm-ok").ClickAsync();
        await Eventually.WaitAsync(() => acme.InvoiceAsync(draft.Str("id")), invoice => invoice.Str("status") == "paid", "the charged invoice paid");
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("paid");
        await Assertions.Expect(page.Locator("#stripe")).ToContainTextAsync("paid");

        // Documents: the PDF and the receipt download through the API with the session's key.
        var pdf = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download PDF" }).ClickAsync());
        pdf.SuggestedFilename.ShouldBe("TEST-000001.pdf");
        var receipt = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download receipt" }).ClickAsync());
        (await File.ReadAllBytesAsync((await receipt.PathAsync())!)).Take(5).ShouldBe("%PDF-"u8.ToArray());

        // CSV export of the filtered list.
        await page.GotoAsync($"{host.BaseUrl}/admin#/invoices?status=paid");
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(1);
        var csv = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Export CSV" }).ClickAsync());
        var lines = await File.ReadAllLinesAsync((await csv.PathAsync())!);
        lines.Length.ShouldBe(2);
        lines[1].ShouldContain("TEST-000001");

        // The live key switches the whole page to live data: a green banner that says so, and none of test's invoices.
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the other environment's key" }).ClickAsync();
        await page.GetByLabel("Admin API key").FillAsync(BillingApiFactory.LiveAdminKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("#env-flag")).ToHaveTextAsync("Live data — real customers and money");
        await Assertions.Expect(page.Locator("#banner")).ToHaveAttributeAsync("data-env", "live");
        await Assertions.Expect(page.Locator("tbody")).ToContainTextAsync("Nothing here.");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Add the other environment's key" })).ToBeHiddenAsync();
        await host.ScreenshotAsync("admin-live.png");
        await page.GetByLabel("Environment").SelectOptionAsync("test");
        await Assertions.Expect(page.Locator("#env-flag")).ToHaveTextAsync("Test data");
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task An_admin_reads_a_plan_s_versions_its_correction_and_the_history_of_its_rates()
    {
        await using var host = await BrowserHost.StartAsync();
        var acme = await InvoicingScenario.CreateAsync(host.Factory, recurringFee: 49m);
        await acme.SetClockAsync("2026-06-05T00:00:00Z");
        (await acme.Admin.PostAsJsonAsync($"/v1/plans/usage-{acme.Suffix}/versions", new
        {
            effectiveFrom = "2026-05-01T00:00:00Z",
            correction = true,
            reason = "contract rate is 0.08",
            fixedFees = new { recurringFee = 49m },
            charges = new[] { new { meter = acme.Calls, model = "per_unit", unitPrice = 0.08m } },
        })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var page = host.Page;
        await page.GotoAsync(host.BaseUrl + "/admin");
        await page.GetByLabel("Admin API key").FillAsync(BillingApiFactory.TestAdminKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        // PLN-7 on the admin page: the correction among the versions, and who made it and why.
        await page.GetByRole(AriaRole.Link, new() { Name = "Plans", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Usage", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Usage (usage-{acme.Suffix})" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table).First).ToContainTextAsync("yes: contract rate is 0.08");
        await Assertions.Expect(page.GetByRole(AriaRole.Table).First).ToContainTextAsync($"{acme.Calls}: 0.08 a unit");
        await Assertions.Expect(page.GetByRole(AriaRole.Table).Last).ToContainTextAsync("price corrected");
        await Assertions.Expect(page.GetByRole(AriaRole.Table).Last).ToContainTextAsync("2026-06-05 00:00:00");
        await host.ScreenshotAsync("admin-plan.png");
    }
}
