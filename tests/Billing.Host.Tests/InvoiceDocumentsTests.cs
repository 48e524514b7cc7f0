using System.Net;
using System.Net.Http.Json;
using System.Text;
using Billing.BuildingBlocks.Domain;
using Billing.BuildingBlocks.Infrastructure.Access;
using Billing.Host.Tests.Support;
using Billing.Invoicing.Contracts;
using MediatR;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using Microsoft.Extensions.DependencyInjection;

namespace Billing.Host.Tests;

/// <summary>INV-13, INV-14: the CSV export parses back to the list; the PDF and the receipt open and say what they must.</summary>
public sealed class InvoiceDocumentsTests
{
    [Fact]
    public async Task The_csv_export_parses_back_to_the_filtered_list_with_awkward_names_quoted_and_formulas_defused()
    {
        await using var factory = new BillingApiFactory();
        var first = await InvoicingScenario.CreateAsync(factory, recurringFee: 10m);
        var second = await InvoicingScenario.CreateAsync(factory, recurringFee: 5m);
        (await first.Admin.PatchAsJsonAsync($"/v1/customers/{first.CustomerId}", new { name = "=Acme, \"the\" firm" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await first.SetClockAsync("2026-06-01T01:00:00Z");
        await first.SetClockAsync("2026-07-01T01:00:00Z");

        var list = await (await first.Admin.GetAsync("/v1/invoices?limit=100")).ShouldBeJsonAsync(HttpStatusCode.OK);
        var response = await first.Admin.GetAsync("/v1/invoices/export.csv");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var rows = ParseCsv(await response.Content.ReadAsStringAsync());
        rows[0].ShouldBe(["number", "id", "kind", "status", "customer_id", "customer_name", "currency", "period_start", "period_end", "created_at", "issued_at", "due_date", "total"]);
        var data = rows.Skip(1).ToList();
        data.Count.ShouldBe(4);
        data.Select(row => row[1]).ShouldBe(list.GetProperty("data").EnumerateArray().Select(invoice => invoice.Str("id")));
        data.Where(row => row[4] == first.CustomerId).ShouldAllBe(row => row[5] == "'=Acme, \"the\" firm");
        data.Where(row => row[4] == second.CustomerId).Select(row => decimal.Parse(row[12], System.Globalization.CultureInfo.InvariantCulture)).ShouldBe([5m, 5m]);

        var filtered = ParseCsv(await first.Admin.GetStringAsync($"/v1/invoices/export.csv?customer={second.CustomerId}&status=open"));
        filtered.Skip(1).Select(row => row[4]).ShouldBe([second.CustomerId]);
        await (await first.Admin.GetAsync("/v1/invoices/export.csv?status=unpaid")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_error");
    }

    [Fact]
    public async Task A_finalized_invoice_downloads_as_a_pdf_that_renders_and_a_paid_one_has_a_receipt()
    {
        await using var factory = new BillingApiFactory();
        var scenario = await InvoicingScenario.CreateAsync(factory, recurringFee: 20m, taxRate: 10m);
        await scenario.SetClockAsync("2026-05-31T12:00:00Z");
        await scenario.CallsAtAsync("2026-05-03T00:00:00Z", "2026-05-04T00:00:00Z");
        await scenario.SetClockAsync("2026-06-01T01:00:00Z");
        var id = (await scenario.OnlyInvoiceAsync()).Str("id");
        await (await scenario.Admin.GetAsync($"/v1/invoices/{id}/pdf")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "invoice_not_finalized");

        await scenario.SetClockAsync("2026-06-01T02:00:00Z");
        var pdf = await scenario.Admin.GetAsync($"/v1/invoices/{id}/pdf");
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        Encoding.ASCII.GetString(bytes, 0, 5).ShouldBe("%PDF-");
        var text = await PdfTextAsync(bytes);
        text.ShouldContain("TEST-000001");
        text.ShouldContain("Acme " + scenario.Suffix);
        text.ShouldContain("2026-05-01 to 2026-06-01");
        text.ShouldContain("Usage");
        text.ShouldContain("Fixed fees");
        text.ShouldContain("22.22 USD", customMessage: "20 + 2 calls x 0.10 = 20.20, tax 10 % = 2.02, total 22.22");
        text.ShouldContain("Status: open");
        (await RenderFirstPageAsync(bytes)).ShouldBeGreaterThan(1000);

        await (await scenario.Admin.GetAsync($"/v1/invoices/{id}/receipt")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "invoice_not_paid");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CallerContext>().Set(BillingEnvironment.Test, "test:payments");
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            await mediator.Send(new MarkInvoicePaidCommand(id, new DateTimeOffset(2026, 6, 3, 9, 0, 0, TimeSpan.Zero), "paid by bank transfer"));
        }

        var receipt = await scenario.Admin.GetAsync($"/v1/invoices/{id}/receipt");
        receipt.StatusCode.ShouldBe(HttpStatusCode.OK);
        var receiptText = await PdfTextAsync(await receipt.Content.ReadAsByteArrayAsync());
        receiptText.ShouldContain("Receipt");
        receiptText.ShouldContain("Paid in full on 2026-06-03");
        await (await scenario.Admin.GetAsync("/v1/invoices/inv_nothing/pdf")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Names_and_descriptions_in_other_scripts_render_in_the_pdf()
    {
        await using var factory = new BillingApiFactory();
        var scenario = await InvoicingScenario.CreateAsync(factory, recurringFee: 20m);
        (await scenario.Admin.PatchAsJsonAsync($"/v1/customers/{scenario.CustomerId}", new { name = "Zürich Łódź Ελλάδα Москва" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await scenario.SetClockAsync("2026-06-01T01:00:00Z");
        var id = (await scenario.OnlyInvoiceAsync()).Str("id");
        (await scenario.Admin.PostAsJsonAsync($"/v1/invoices/{id}/adjustments", new { amount = -5m, reason = "Rabatt 5 € für Łódź, Ελλάδα, Москва" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await scenario.SetClockAsync("2026-06-01T02:00:00Z");

        var bytes = await (await scenario.Admin.GetAsync($"/v1/invoices/{id}/pdf")).Content.ReadAsByteArrayAsync();

        var text = await PdfTextAsync(bytes);
        foreach (var word in new[] { "Zürich", "Łódź", "Ελλάδα", "Москва", "€" })
        {
            text.ShouldContain(word);
        }

        text.ShouldContain("15.00 USD", customMessage: "20 recurring - 5 adjustment");
        (await RenderFirstPageAsync(bytes, "invoice-pdf-scripts.png")).ShouldBeGreaterThan(1000);
    }

    /// <summary>RFC 4180: quoted fields may hold commas, doubled quotes and line breaks.</summary>
    private static List<string[]> ParseCsv(string csv)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var index = 0; index < csv.Length; index++)
        {
            var character = csv[index];
            if (quoted)
            {
                if (character == '"' && index + 1 < csv.Length && csv[index + 1] == '"')
                {
                    field.Append('"');
                    index++;
                }
                else if (character == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(character);
                }
            }
            else if (character == '"')
            {
                quoted = true;
            }
            else if (character == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (character == '\r' && index + 1 < csv.Length && csv[index + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add([.. row]);
                row.Clear();
                index++;
            }
            else
            {
                field.Append(character);
            }
        }

        return rows;
    }

    /// <summary>The text of every page, read back with PdfPig, words in reading order.</summary>
    private static Task<string> PdfTextAsync(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return Task.FromResult(string.Join('\n', document.GetPages().Select(page => ContentOrderTextExtractor.GetText(page))));
    }

    private static async Task<long> RenderFirstPageAsync(byte[] pdf, string screenshot = "invoice-pdf.png")
    {
        var directory = Directory.CreateTempSubdirectory("invoice-png").FullName;
        var path = Path.Combine(directory, "invoice.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        var (exit, output) = await Tool.RunAsync("pdftoppm", $"-png -r 80 -f 1 -l 1 {path} {Path.Combine(directory, "page")}");
        exit.ShouldBe(0, output);
        var png = Directory.GetFiles(directory, "page*.png").Single();

        // To look at it: BILLING_DOCS_OUT=docs/screenshots dotnet test --filter InvoiceDocuments
        if (Environment.GetEnvironmentVariable("BILLING_DOCS_OUT") is { Length: > 0 } keep)
        {
            File.Copy(png, Path.Combine(keep, screenshot), overwrite: true);
        }

        return new FileInfo(png).Length;
    }
}
