using System.Globalization;
using Billing.BuildingBlocks.Application.Paging;
using Billing.Customers.Domain.Customers;

namespace Billing.Customers.Application.Customers.ListCustomers;

/// <summary>The keyset of the customer list: creation time, then id, both descending.</summary>
internal sealed record CustomerListCursor(DateTimeOffset CreatedAt, string Id)
{
    public static string Encode(Customer last) =>
        Cursor.Encode($"{last.CreatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}|{last.Id}");

    public static bool TryParse(string cursor, out CustomerListCursor? parsed)
    {
        parsed = null;
        if (!Cursor.TryDecode(cursor, out var key) || key.Split('|') is not [var ticks, var id]
            || !long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var utcTicks)
            || utcTicks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return false;
        }

        parsed = new CustomerListCursor(new DateTimeOffset(utcTicks, TimeSpan.Zero), id);
        return true;
    }
}
