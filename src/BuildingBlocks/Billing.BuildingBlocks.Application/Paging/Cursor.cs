using System.Buffers.Text;
using System.Text;

namespace Billing.BuildingBlocks.Application.Paging;

/// <summary>
/// Keyset cursors: the sort key of the last row seen, base64url-encoded so clients treat it as
/// opaque. Keyset pages stay fast and stable while rows are inserted, unlike offsets.
/// </summary>
public static class Cursor
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public static string Encode(string lastKey) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(lastKey));

    public static bool TryDecode(string? cursor, out string lastKey)
    {
        lastKey = string.Empty;
        if (string.IsNullOrEmpty(cursor) || cursor.Length > 512 || !Base64Url.IsValid(cursor))
        {
            return false;
        }

        try
        {
            lastKey = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            return lastKey.Length > 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
