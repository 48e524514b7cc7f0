using System.Globalization;
using System.Text;
using Billing.Invoicing.Contracts;

namespace Billing.Invoicing.Web;

/// <summary>
/// RFC 4180 CSV of the invoice list: a header, one row per invoice, CRLF line ends, fields quoted
/// when they hold a comma, quote or line break. Text a spreadsheet would run as a formula
/// (starting with = + - @) is prefixed with a quote mark.
/// </summary>
internal static class InvoiceCsv
{
    public const string Header = "number,id,kind,status,customer_id,customer_name,currency,period_start,period_end,created_at,issued_at,due_date,total";

    public static string Row(InvoiceSummaryDto invoice) => string.Join(',',
        Field(invoice.Number), Field(invoice.Id), Field(invoice.Kind), Field(invoice.Status), Field(invoice.CustomerId), Text(invoice.CustomerName),
        Field(invoice.Currency), Instant(invoice.PeriodStart), Instant(invoice.PeriodEnd), Instant(invoice.CreatedAt), Instant(invoice.IssuedAt),
        Instant(invoice.DueDate), invoice.Total.ToString(CultureInfo.InvariantCulture));

    private static string Instant(DateTimeOffset? instant) => instant?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Text(string value) => Field(value.Length > 0 && "=+-@".Contains(value[0]) ? "'" + value : value);

    private static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) < 0 ? value : '"' + value.Replace("\"", "\"\"") + '"';
    }

    public static async Task WriteAsync(Stream body, IAsyncEnumerable<InvoiceSummaryDto> rows, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(body, new UTF8Encoding(false), bufferSize: 16 * 1024) { NewLine = "\r\n" };
        await writer.WriteLineAsync(Header);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await writer.WriteLineAsync(Row(row));
        }
    }
}
