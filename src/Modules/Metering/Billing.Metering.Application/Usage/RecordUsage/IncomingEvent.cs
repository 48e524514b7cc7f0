using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Billing.BuildingBlocks.Application.Validation;

namespace Billing.Metering.Application.Usage.RecordUsage;

/// <summary>
/// MET-2: <c>{ id, customer, event, timestamp, properties }</c>. Parsed event by event from raw JSON,
/// so one malformed event in a batch is rejected on its own instead of failing the whole request.
/// </summary>
internal sealed partial record IncomingEvent(string Id, string Customer, string Event, DateTimeOffset Timestamp, JsonElement Properties)
{
    public const int MaxIdLength = 255;

    /// <summary>The event, or the id to answer with and why the event is invalid.</summary>
    public static (IncomingEvent? Event, string? Id, string? Detail) Parse(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return (null, null, "An event is a JSON object.");
        }

        if (JsonText.HasInvalidUtf16(element))
        {
            return (null, ReadableId(element), "The event holds text that is not valid Unicode (an escaped lone surrogate such as \\ud800).");
        }

        // One pass over the fields (this runs for every event of every batch). A repeated field never gets
        // here: the body's reader refuses duplicate keys (API-1).
        JsonElement idValue = default, customerValue = default, eventValue = default, timestampValue = default, properties = default;
        string? unknown = null;
        foreach (var field in element.EnumerateObject())
        {
            if (field.NameEquals("id"u8))
            {
                idValue = field.Value;
            }
            else if (field.NameEquals("customer"u8))
            {
                customerValue = field.Value;
            }
            else if (field.NameEquals("event"u8))
            {
                eventValue = field.Value;
            }
            else if (field.NameEquals("timestamp"u8))
            {
                timestampValue = field.Value;
            }
            else if (field.NameEquals("properties"u8))
            {
                properties = field.Value;
            }
            else
            {
                unknown ??= field.Name;
            }
        }

        var id = Text(idValue);
        if (unknown is not null)
        {
            return (null, id, $"'{unknown}' is not a field of an event (id, customer, event, timestamp, properties).");
        }

        if (string.IsNullOrEmpty(id) || id.Length > MaxIdLength || id.Any(char.IsControl))
        {
            return (null, id, $"id must be a string of 1 to {MaxIdLength} printable characters.");
        }

        if (Text(customerValue) is not { Length: > 0 and <= 255 } customer)
        {
            return (null, id, "customer must be the customer's external id.");
        }

        if (Text(eventValue) is not { Length: > 0 and <= 64 } eventName)
        {
            return (null, id, "event must be the event name of a meter.");
        }

        if (Text(timestampValue) is not { } text || !Rfc3339().IsMatch(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var timestamp))
        {
            return (null, id, "timestamp must be RFC 3339 with an offset, e.g. 2026-04-30T21:30:00-07:00 or 2026-05-01T04:30:00Z.");
        }

        if (properties.ValueKind is not (JsonValueKind.Object or JsonValueKind.Undefined or JsonValueKind.Null))
        {
            return (null, id, "properties must be a JSON object.");
        }

        return (new IncomingEvent(id, customer, eventName, timestamp.ToUniversalTime(), properties), id, null);
    }

    private static string? Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? ReadableId(JsonElement element) =>
        element.TryGetProperty("id"u8, out var id) && id.ValueKind == JsonValueKind.String && !JsonText.HasInvalidUtf16(id) ? id.GetString() : null;

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,7})?([Zz]|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();
}
