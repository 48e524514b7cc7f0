using System.Net;
using System.Text.Json;
using Billing.Host.Tests.Support;

namespace Billing.Host.Tests;

/// <summary>
/// INV-13: the list's filters, search and cursor pages, through HTTP on the plain statement that
/// serves them (docs-adr/0025). Three customers, two cycles: each has an open June invoice and a July
/// draft, and the three of a cycle share one creation instant, so the id breaks every tie.
/// </summary>
public sealed class InvoiceListTests(InvoiceListTests.TwoCycles cycles) : IClassFixture<InvoiceListTests.TwoCycles>
{
    private readonly BillingApiFactory _factory = cycles.Factory;
    private readonly IReadOnlyList<InvoicingScenario> _customers = cycles.Customers;

    private HttpClient Admin => _customers[0].Admin;

    [Fact]
    public async Task Pages_of_one_follow_the_cursor_through_every_invoice_newest_first_with_ties_broken_by_id()
    {
        var all = await DataAsync("/v1/invoices?limit=100");
        all.Count.ShouldBe(6);
        all.Select(invoice => invoice.Str("createdAt")).ShouldBe(["2026-07-01T01:00:00+00:00", "2026-07-01T01:00:00+00:00", "2026-07-01T01:00:00+00:00",
            "2026-06-01T01:00:00+00:00", "2026-06-01T01:00:00+00:00", "2026-06-01T01:00:00+00:00"]);
        all.Take(3).Select(invoice => invoice.Str("id")).ShouldBe(all.Take(3).Select(invoice => invoice.Str("id")).OrderDescending(StringComparer.Ordinal));

        var paged = new List<string>();
        string? cursor = null;
        for (var page = 0; page < 10; page++)
        {
            var body = await JsonAsync("/v1/invoices?limit=1" + (cursor is null ? string.Empty : $"&cursor={cursor}"));
            paged.AddRange(body.GetProperty("data").EnumerateArray().Select(invoice => invoice.Str("id")));
            if (!body.GetProperty("hasMore").GetBoolean())
            {
                body.GetProperty("nextCursor").ValueKind.ShouldBe(JsonValueKind.Null);
                break;
            }

            cursor = body.Str("nextCursor");
        }

        paged.ShouldBe(all.Select(invoice => invoice.Str("id")));
    }

    [Fact]
    public async Task Status_customer_and_a_half_open_date_range_in_any_offset_select_exactly_their_invoices()
    {
        var open = await DataAsync("/v1/invoices?status=open");
        open.Count.ShouldBe(3);
        open.ShouldAllBe(invoice => invoice.Str("status") == "open" && invoice.GetProperty("number").ValueKind == JsonValueKind.String);
        (await DataAsync("/v1/invoices?status=draft")).ShouldAllBe(invoice => invoice.Str("periodStart") == "2026-06-01T00:00:00+00:00");
        (await DataAsync("/v1/invoices?status=paid")).ShouldBeEmpty();

        var second = _customers[1];
        var his = await DataAsync($"/v1/invoices?customer={second.CustomerId}");
        his.Select(invoice => invoice.Str("customerId")).Distinct().ShouldBe([second.CustomerId]);
        his.Count.ShouldBe(2);
        (await DataAsync($"/v1/invoices?customer={second.CustomerId}&status=open")).Single().Str("periodStart").ShouldBe("2026-05-01T00:00:00+00:00");

        // 21:00 at -04:00 on June 30 is 01:00Z on July 1, the second cycle's instant: from includes it, to excludes it.
        var since = Uri.EscapeDataString("2026-06-30T21:00:00-04:00");
        (await DataAsync($"/v1/invoices?from={since}")).Count.ShouldBe(3);
        (await DataAsync($"/v1/invoices?to={since}")).ShouldAllBe(invoice => invoice.Str("createdAt") == "2026-06-01T01:00:00+00:00");
        (await DataAsync($"/v1/invoices?from=2026-06-01T01:00:00Z&to={since}")).Count.ShouldBe(3);
        (await DataAsync("/v1/invoices?from=2026-06-01T01:00:00.0000001Z&to=2026-07-01T01:00:00Z")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Search_finds_an_exact_number_in_any_case_an_exact_customer_id_and_part_of_a_name_or_external_id()
    {
        var numbered = (await DataAsync("/v1/invoices?status=open")).First();
        var number = numbered.Str("number");

        (await DataAsync($"/v1/invoices?q={number.ToLowerInvariant()}")).Select(invoice => invoice.Str("id")).ShouldBe([numbered.Str("id")]);
        (await DataAsync($"/v1/invoices?q={number[..^1]}")).ShouldBeEmpty();

        var third = _customers[2];
        (await DataAsync($"/v1/invoices?q={third.CustomerId}")).Count.ShouldBe(2);
        (await DataAsync($"/v1/invoices?q=ACME%20{third.Suffix.ToUpperInvariant()}")).ShouldAllBe(invoice => invoice.Str("customerId") == third.CustomerId);
        (await DataAsync($"/v1/invoices?q=me-{third.Suffix[..4]}")).Select(invoice => invoice.Str("customerId")).Distinct().ShouldBe([third.CustomerId]);
        (await DataAsync($"/v1/invoices?q=%20acme%20&limit=100")).Count.ShouldBe(6);
        (await DataAsync("/v1/invoices?q=nobody-is-called-this")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Another_environment_sees_none_of_them_and_a_bad_filter_is_a_problem_naming_it()
    {
        var live = _factory.ClientWith(BillingApiFactory.LiveAdminKey);
        (await (await live.GetAsync("/v1/invoices?limit=100")).ShouldBeJsonAsync(HttpStatusCode.OK)).GetProperty("data").GetArrayLength().ShouldBe(0);
        (await (await live.GetAsync($"/v1/invoices?customer={_customers[0].CustomerId}")).ShouldBeJsonAsync(HttpStatusCode.OK)).GetProperty("data").GetArrayLength().ShouldBe(0);

        var refused = await (await Admin.GetAsync("/v1/invoices?status=unpaid&from=2026-07-01T00:00:00Z&to=2026-06-01T00:00:00Z"))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_error");
        refused.GetRawText().ShouldContain("status");
        refused.GetRawText().ShouldContain("to must be after from");
    }

    /// <summary>The invoices are only read, so the tests share one host.</summary>
    public sealed class TwoCycles : IAsyncLifetime
    {
        public BillingApiFactory Factory { get; } = new();

        public List<InvoicingScenario> Customers { get; } = [];

        public async Task InitializeAsync()
        {
            for (var i = 0; i < 3; i++)
            {
                Customers.Add(await InvoicingScenario.CreateAsync(Factory, recurringFee: 10m + i));
            }

            await Customers[0].SetClockAsync("2026-06-01T01:00:00Z");
            await Customers[0].SetClockAsync("2026-07-01T01:00:00Z");
        }

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }

    private async Task<JsonElement> JsonAsync(string url) => await (await Admin.GetAsync(url)).ShouldBeJsonAsync(HttpStatusCode.OK);

    private async Task<IReadOnlyList<JsonElement>> DataAsync(string url) => (await JsonAsync(url)).GetProperty("data").EnumerateArray().ToList();
}
