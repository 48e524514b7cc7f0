using System.Collections.Concurrent;
using System.Text;

namespace Billing.BuildingBlocks.Application.Validation;

/// <summary>
/// How enum values appear on the wire: the member name in snake_case (<c>PastDue</c> →
/// <c>past_due</c>). One rule for every module, so the API never mixes spellings.
/// </summary>
public static class WireName
{
    private static readonly ConcurrentDictionary<Type, string[]> Names = new();

    /// <summary>The wire name; known members' names are computed once, as every list row asks for two.</summary>
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        Known<TEnum>.Names.TryGetValue(value, out var name) ? name : ToSnakeCase(value.ToString());

    public static IReadOnlyList<string> All<TEnum>()
        where TEnum : struct, Enum =>
        Names.GetOrAdd(typeof(TEnum), _ => Enum.GetValues<TEnum>().Select(Of).ToArray());

    public static bool TryParse<TEnum>(string? value, out TEnum result)
        where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(Of(candidate), value, StringComparison.Ordinal))
            {
                result = candidate;
                return true;
            }
        }

        result = default;
        return false;
    }

    public static TEnum Parse<TEnum>(string value)
        where TEnum : struct, Enum =>
        TryParse<TEnum>(value, out var result)
            ? result
            : throw new FormatException($"'{value}' is not one of: {string.Join(", ", All<TEnum>())}.");

    private static class Known<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly Dictionary<TEnum, string> Names = Enum.GetValues<TEnum>().Distinct().ToDictionary(value => value, value => ToSnakeCase(value.ToString()));
    }

    private static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }
}
