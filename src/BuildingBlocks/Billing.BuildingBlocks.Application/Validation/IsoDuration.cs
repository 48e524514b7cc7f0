using System.Globalization;
using System.Xml;

namespace Billing.BuildingBlocks.Application.Validation;

/// <summary>Durations on the wire: ISO 8601 (<c>PT1H</c>, <c>P35D</c>), or a .NET span (<c>1.00:00:00</c>) for convenience.</summary>
public static class IsoDuration
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (text.StartsWith('P') || text.StartsWith("-P", StringComparison.Ordinal))
        {
            try
            {
                duration = XmlConvert.ToTimeSpan(text);
                return true;
            }
            catch (Exception exception) when (exception is FormatException or OverflowException)
            {
                return false;
            }
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration);
    }

    /// <summary>The ISO 8601 form, e.g. <c>PT1H</c>, <c>P35D</c>.</summary>
    public static string Format(TimeSpan duration) => XmlConvert.ToString(duration);
}
