using System.Globalization;
using Billing.BuildingBlocks.Application.Paging;

namespace Billing.Invoicing.Application.Invoices.ListInvoices;

/// <summary>The keyset of the invoice list: creation time, then id, both descending.</summary>
internal sealed record InvoiceListCursor(DateTimeOffset CreatedAt, string Id)
{
    public static string Encode(InvoiceListRow last) =>
        Cursor.Encode($"{last.CreatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}|{last.Id}");

    public static bool TryParse(string cursor, out InvoiceListCursor? parsed)
    {
        parsed = null;
        if (!Cursor.TryDecode(cursor, out var key) || key.Split('|') is not [var ticks, var id]
            || !long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var utcTicks)
            || utcTicks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return false;
        }

        parsed = new InvoiceListCursor(new DateTimeOffset(utcTicks, TimeSpan.Zero), id);
        return true;
    }
}
