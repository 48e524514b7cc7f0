using System.Runtime.InteropServices;
using System.Text.Json;

namespace Billing.BuildingBlocks.Application.Validation;

/// <summary>
/// API-1: JSON may escape half of a surrogate pair (<c>"\ud800"</c>), which is no text at all.
/// The serializer refuses it when binding a string, but a <see cref="JsonElement"/> holds it until
/// something reads it, and then throws. Payloads kept as elements (usage events, provider webhooks)
/// are checked here once, so they are refused as bad input instead of failing later.
/// </summary>
public static class JsonText
{
    public static bool HasInvalidUtf16(JsonElement element)
    {
        // Only an escape can hold a lone surrogate, and most payloads have none: one search of the raw bytes.
        if (element.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array or JsonValueKind.String)
            || JsonMarshal.GetRawUtf8Value(element).IndexOf("\\u"u8) < 0)
        {
            return false;
        }

        try
        {
            ReadAll(element);
            return false;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    private static void ReadAll(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    _ = property.Name;
                    ReadAll(property.Value);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    ReadAll(item);
                }

                break;
            case JsonValueKind.String:
                _ = element.GetString();
                break;
        }
    }
}
