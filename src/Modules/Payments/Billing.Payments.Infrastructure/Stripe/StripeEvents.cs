using System.Text.Json;
using Billing.BuildingBlocks.Application.Validation;
using Billing.Payments.Application.Provider;

namespace Billing.Payments.Infrastructure.Stripe;

/// <summary>Reads a verified Stripe event into Billing's terms; events Billing does not act on are ignored, not refused.</summary>
internal static class StripeEvents
{
    public static ProviderEvent Read(string payload)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(payload, new JsonDocumentOptions { AllowDuplicateProperties = false });
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new InvalidWebhookException("The webhook body is not JSON.");
        }

        if (JsonText.HasInvalidUtf16(root))
        {
            throw new InvalidWebhookException("The webhook body holds text that is not valid Unicode (an escaped lone surrogate).");
        }

        if (root.ValueKind != JsonValueKind.Object || Text(root, "id") is not { } id || Text(root, "type") is not { } type
            || !root.TryGetProperty("data", out var data) || !data.TryGetProperty("object", out var subject) || subject.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidWebhookException("The webhook body is not a Stripe event (id, type, data.object).");
        }

        ProviderInvoiceEventKind? invoiceKind = type switch
        {
            "invoice.paid" => ProviderInvoiceEventKind.Paid,
            "invoice.payment_failed" => ProviderInvoiceEventKind.PaymentFailed,
            "invoice.voided" => ProviderInvoiceEventKind.Voided,
            "invoice.marked_uncollectible" => ProviderInvoiceEventKind.MarkedUncollectible,
            _ => null,
        };
        if (invoiceKind is { } kind && Text(subject, "id") is { } invoiceId)
        {
            var metadata = subject.TryGetProperty("metadata", out var values) && values.ValueKind == JsonValueKind.Object ? values : default;
            var billingInvoiceId = metadata.ValueKind == JsonValueKind.Object ? Text(metadata, "billing_invoice_id") : null;
            var occurredAt = root.TryGetProperty("created", out var created) && created.TryGetInt64(out var seconds)
                ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                : (DateTimeOffset?)null;
            return kind == ProviderInvoiceEventKind.PaymentFailed
                ? new ProviderInvoiceEvent(id, type, kind, invoiceId, billingInvoiceId, occurredAt, null, $"Stripe could not collect invoice {invoiceId} (attempt {AttemptCount(subject)}).")
                : new ProviderInvoiceEvent(id, type, kind, invoiceId, billingInvoiceId, occurredAt, null, null);
        }

        if (type == "setup_intent.succeeded" && Text(subject, "id") is { } setupIntent && Text(subject, "customer") is { } setupCustomer)
        {
            return new ProviderSetupCompleted(id, type, setupIntent, setupCustomer);
        }

        if (type == "checkout.session.completed" && Text(subject, "mode") == "setup"
            && Text(subject, "setup_intent") is { } sessionSetup && Text(subject, "customer") is { } sessionCustomer)
        {
            return new ProviderSetupCompleted(id, type, sessionSetup, sessionCustomer);
        }

        return new IgnoredProviderEvent(id, type);
    }

    private static long AttemptCount(JsonElement invoice) =>
        invoice.TryGetProperty("attempt_count", out var count) && count.TryGetInt64(out var attempts) ? attempts : 1;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
