using System.Text;

namespace Billing.BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// An enum stored as its member name (EF Core's <c>HasConversion&lt;string&gt;()</c>), read back from
/// a column's UTF-8 bytes in place by a hot read (<see cref="PreparedStatement.Utf8"/>).
/// </summary>
public static class StoredName<TEnum>
    where TEnum : struct, Enum
{
    private static readonly (byte[] Name, TEnum Value)[] Names =
        Enum.GetValues<TEnum>().Select(value => (Encoding.UTF8.GetBytes(value.ToString()), value)).ToArray();

    public static TEnum Parse(ReadOnlySpan<byte> utf8)
    {
        foreach (var (name, value) in Names)
        {
            if (utf8.SequenceEqual(name))
            {
                return value;
            }
        }

        throw new FormatException($"'{Encoding.UTF8.GetString(utf8)}' is not a stored {typeof(TEnum).Name}.");
    }
}
