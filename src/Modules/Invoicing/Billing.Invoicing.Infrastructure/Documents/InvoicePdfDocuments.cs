using System.Globalization;
using Billing.BuildingBlocks.Domain.Time;
using Billing.Invoicing.Application.Invoices.Documents;
using Billing.Invoicing.Contracts;

namespace Billing.Invoicing.Infrastructure.Documents;

/// <summary>
/// INV-14 layout: who bills whom, number, period, dates and status; the lines grouped as the admin
/// page groups them, with quantities and amounts; subtotal, tax and total. A receipt adds when it was paid.
/// </summary>
internal sealed class InvoicePdfDocuments : IInvoiceDocuments
{
    private const double Left = 50;
    private const double Right = PdfCanvas.PageWidth - 50;
    private const double QuantityColumn = Right - 110;
    private const double Bottom = PdfCanvas.PageHeight - 70;

    public byte[] Invoice(InvoiceDto invoice) => Render(invoice, receipt: false);

    public byte[] Receipt(InvoiceDto invoice) => Render(invoice, receipt: true);

    private static byte[] Render(InvoiceDto invoice, bool receipt)
    {
        using var pdf = new PdfCanvas($"{(receipt ? "Receipt" : "Invoice")} {invoice.Number ?? invoice.Id}").NewPage();
        pdf.Text(Left, 60, receipt ? "Receipt" : "Invoice", 22, bold: true);
        pdf.Text(Right, 60, invoice.Number ?? "draft", 14, bold: true, alignRight: true);
        pdf.Text(Right, 78, $"Status: {invoice.Status.Replace('_', ' ')}", 10, alignRight: true);

        var top = 110.0;
        foreach (var (label, value) in Header(invoice, receipt))
        {
            pdf.Text(Left, top, label, 10, bold: true);
            pdf.Text(Left + 110, top, value, 10);
            top += 15;
        }

        top += 15;
        pdf.Text(Left, top, "Description", 10, bold: true);
        pdf.Text(QuantityColumn, top, "Quantity", 10, bold: true, alignRight: true);
        pdf.Text(Right, top, $"Amount ({invoice.Currency})", 10, bold: true, alignRight: true);
        pdf.Rule(Left, Right, top + 5);
        top += 20;

        foreach (var group in invoice.Lines.Where(line => line.Kind != "tax").GroupBy(line => Group(line.Kind)))
        {
            if (top > Bottom)
            {
                pdf.NewPage();
                top = 60;
            }

            pdf.Text(Left, top, group.Key, 10, bold: true);
            top += 15;
            foreach (var line in group)
            {
                if (top > Bottom)
                {
                    pdf.NewPage();
                    top = 60;
                }

                var description = line.Description + (line.Reason is null ? string.Empty : $" ({line.Reason})");
                pdf.Text(Left + 10, top, description.Length > 70 ? description[..67] + "..." : description, 9);
                pdf.Text(QuantityColumn, top, Number(line.Quantity), 9, alignRight: true);
                pdf.Text(Right, top, Money(line.Amount), 9, alignRight: true);
                top += 13;
            }

            top += 5;
        }

        pdf.Rule(QuantityColumn - 60, Right, top);
        top += 15;
        foreach (var (label, amount, bold) in new[] { ("Subtotal", invoice.Subtotal, false), ("Tax", invoice.Tax, false), ("Total", invoice.Total, true) })
        {
            pdf.Text(QuantityColumn, top, label, 10, bold, alignRight: true);
            pdf.Text(Right, top, $"{Money(amount)} {invoice.Currency}", 10, bold, alignRight: true);
            top += 15;
        }

        if (receipt)
        {
            pdf.Text(Left, top + 20, $"Paid in full on {invoice.PaidAt:yyyy-MM-dd}. Thank you.", 11, bold: true);
        }

        pdf.Text(Left, PdfCanvas.PageHeight - 40, $"Invoice {invoice.Id} - plan {invoice.PlanCode} v{invoice.PlanVersion} - {invoice.Kind}", 8);
        return pdf.ToBytes();
    }

    private static IEnumerable<(string Label, string Value)> Header(InvoiceDto invoice, bool receipt)
    {
        yield return ("Billed to", $"{invoice.CustomerName} ({invoice.CustomerExternalId})");
        yield return ("Period", $"{Period.Text(invoice.PeriodStart)} to {Period.Text(invoice.PeriodEnd)} (end exclusive, UTC)");
        yield return ("Issued", invoice.IssuedAt is { } issued ? $"{issued:yyyy-MM-dd}" : "-");
        yield return ("Due", invoice.DueDate is { } due ? $"{due:yyyy-MM-dd}" : "-");
        if (receipt)
        {
            yield return ("Paid", invoice.PaidAt is { } paid ? $"{paid:yyyy-MM-dd HH:mm} UTC" : "-");
        }
    }

    private static string Group(string kind) => kind switch
    {
        "usage" or "late_usage" => "Usage",
        "adjustment" => "Adjustments",
        "balance" => "Balance",
        _ => "Fixed fees",
    };

    private static string Money(decimal amount) => amount.ToString("#,##0.00##", CultureInfo.InvariantCulture);

    private static string Number(decimal quantity) => quantity.ToString("#,##0.######", CultureInfo.InvariantCulture);
}
