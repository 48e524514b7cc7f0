using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Billing.Metering.Application.Usage.RecordUsage;

/// <summary>
/// MET-4: what "the same payload" means. Customer, event name, the UTC instant and the properties
/// with keys in sorted order: a retry that re-orders keys or re-states the offset is the same event.
/// </summary>
internal static class PayloadHash
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    public static string Of(IncomingEvent incoming, string canonicalProperties)
    {
        var text = $"{incoming.Customer}\n{incoming.Event}\n{incoming.Timestamp.UtcTicks}\n{canonicalProperties}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Properties as JSON with object keys sorted, no white space; <c>{}</c> when absent.</summary>
    public static string Canonical(JsonElement properties)
    {
        if (properties.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return "{}";
        }

        // One buffer and writer per thread: this runs for every event of every batch.
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(512);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        Write(writer, properties);
        writer.Flush();
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Write(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in InKeyOrder(element))
                {
                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }

    /// <summary>The object's properties by ordinal key order; most arrive in order already (often one key), and are not sorted again.</summary>
    private static IEnumerable<JsonProperty> InKeyOrder(JsonElement element)
    {
        string? previous = null;
        foreach (var property in element.EnumerateObject())
        {
            if (previous is not null && string.CompareOrdinal(previous, property.Name) > 0)
            {
                return element.EnumerateObject().OrderBy(one => one.Name, StringComparer.Ordinal);
            }

            previous = property.Name;
        }

        return element.EnumerateObject();
    }
}
