using System.Text.Json;

namespace Billing.Payments.Infrastructure.Stripe;

/// <summary>Stripe's error object: <c>{"error": {"type", "code", "decline_code", "message", "param", "payment_intent"}}</c>.</summary>
internal sealed record StripeError(string Type, string? Code, string? DeclineCode, string Message, string? Param, string? PaymentIntentStatus)
{
    public static StripeError Read(string body, int statusCode)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                return new StripeError(
                    Text(error, "type") ?? "api_error",
                    Text(error, "code"),
                    Text(error, "decline_code"),
                    Text(error, "message") ?? $"Stripe answered {statusCode}.",
                    Text(error, "param"),
                    error.TryGetProperty("payment_intent", out var intent) && intent.ValueKind == JsonValueKind.Object ? Text(intent, "status") : null);
            }
        }
        catch (JsonException)
        {
            // Not Stripe's error shape (a proxy's page): fall through to a generic error.
        }

        return new StripeError("api_error", null, null, $"Stripe answered {statusCode} without an error object.", null, null);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
