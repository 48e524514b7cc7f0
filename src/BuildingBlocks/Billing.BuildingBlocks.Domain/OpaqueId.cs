namespace Billing.BuildingBlocks.Domain;

/// <summary>
/// Ids the API hands out: a short type prefix and a UUIDv7 (<c>cus_0190…</c>). The UUIDv7 starts
/// with its creation time, so ids sort by creation and serve as keyset-pagination cursors.
/// </summary>
public static class OpaqueId
{
    public static string New(string prefix, DateTimeOffset now) =>
        $"{prefix}_{Guid.CreateVersion7(now):N}";

    public static bool HasPrefix(string? id, string prefix) =>
        id is not null
        && id.Length == prefix.Length + 33
        && id.StartsWith(prefix + "_", StringComparison.Ordinal)
        && id.AsSpan(prefix.Length + 1).ContainsOnlyHex();

    private static bool ContainsOnlyHex(this ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiHexDigitLower(c))
            {
                return false;
            }
        }

        return true;
    }
}
