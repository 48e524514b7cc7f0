using System.Globalization;

namespace Billing.BuildingBlocks.Application.Paging;

/// <summary>The keyset of a newest-first list: creation time, then id, both descending.</summary>
public sealed record NewestFirstCursor(DateTimeOffset CreatedAt, string Id)
{
    public static string Encode(DateTimeOffset createdAt, string id) =>
        Cursor.Encode($"{createdAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}|{id}");

    public static bool TryParse(string cursor, out NewestFirstCursor? parsed)
    {
        parsed = null;
        if (!Cursor.TryDecode(cursor, out var key) || key.Split('|') is not [var ticks, var id]
            || !long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var utcTicks)
            || utcTicks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return false;
        }

        parsed = new NewestFirstCursor(new DateTimeOffset(utcTicks, TimeSpan.Zero), id);
        return true;
    }
}
