using System.Globalization;
using System.Text.Json;

namespace Billing.Metering.Domain.Usage;

/// <summary>
/// What a meter reads from one event. Numbers are kept exactly, as integer millionths
/// (<see cref="ValueMicros"/>), so sums in the database stay exact (docs-adr/0018).
/// </summary>
internal sealed record Measurement(long? ValueMicros, string? UniqueKey, string? RejectionCode, string? RejectionDetail)
{
    public const int MaxDecimals = 6;
    public const decimal MaxMagnitude = 1_000_000_000_000m;

    public static readonly Measurement Nothing = new(null, null, null, null);

    public bool IsRejected => RejectionCode is not null;

    public static Measurement Rejected(string code, string detail) => new(null, null, code, detail);

    /// <summary>A JSON number, or a string holding one ("12.5"), of at most 6 decimals and 10^12.</summary>
    public static Measurement ForNumber(JsonElement value, string property)
    {
        var number = 0m;
        var parsed = value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetDecimal(out number),
            JsonValueKind.String => decimal.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number),
            _ => false,
        };
        if (!parsed)
        {
            return Rejected(RejectionReason.NonNumericProperty, $"Property '{property}' must be a number.");
        }

        if (Math.Abs(number) > MaxMagnitude || decimal.Round(number, MaxDecimals) != number)
        {
            return Rejected(RejectionReason.PropertyOutOfRange, $"Property '{property}' must be within ±10^12 with at most {MaxDecimals} decimals.");
        }

        return new Measurement((long)(number * 1_000_000m), null, null, null);
    }

    /// <summary>Any scalar; numbers and strings with the same text count as the same value.</summary>
    public static Measurement ForUniqueCount(JsonElement value, string property) => value.ValueKind switch
    {
        JsonValueKind.String => new Measurement(null, value.GetString(), null, null),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => new Measurement(null, value.GetRawText(), null, null),
        _ => Rejected(RejectionReason.MissingProperty, $"Property '{property}' must be a string, number or boolean to be counted."),
    };

    public static decimal ToQuantity(long micros) => micros / 1_000_000m;
}
