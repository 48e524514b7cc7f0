using System.Text.Json;
using Billing.BuildingBlocks.Application.Validation;
using Billing.Payments.Application.Provider;
using Stripe;
using Stripe.Checkout;

namespace Billing.Payments.Infrastructure.Stripe;

/// <summary>
/// PAY-6 through Stripe.net: the signature is checked by <see cref="EventUtility.ValidateSignature(string, string, string, long, long)"/>
/// (any v1 of <c>t=…,v1=…</c>, the timestamp within the tolerance either way), the body is held to
/// API-1's JSON rules, and the event is read into Billing's terms. An event of another API version
/// is read all the same (ADR 0037): Billing reads only fields every version since 2020 shares.
/// </summary>
internal static class StripeWebhook
{
    public static (ProviderEvent Event, string? ApiVersion) Read(string payload, string? header, string secret, DateTimeOffset now, TimeSpan tolerance)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            throw new InvalidWebhookException("The Stripe-Signature header is missing.");
        }

        try
        {
            EventUtility.ValidateSignature(payload, header, secret, (long)tolerance.TotalSeconds, now.ToUnixTimeSeconds());
        }
        catch (StripeException refused)
        {
            throw new InvalidWebhookException(refused.Message);
        }

        EnsureStrictJson(payload);
        Event stripeEvent;
        try
        {
            stripeEvent = EventUtility.ParseEvent(payload, throwOnApiVersionMismatch: false);
        }
        catch (JsonException)
        {
            throw NotAnEvent();
        }

        if (string.IsNullOrEmpty(stripeEvent.Id) || string.IsNullOrEmpty(stripeEvent.Type) || stripeEvent.Data?.RawObject is null)
        {
            throw NotAnEvent();
        }

        return (Translate(stripeEvent), stripeEvent.ApiVersion);
    }

    private static ProviderEvent Translate(Event stripeEvent)
    {
        var (id, type) = (stripeEvent.Id, stripeEvent.Type);
        ProviderInvoiceEventKind? invoiceKind = type switch
        {
            EventTypes.InvoicePaid => ProviderInvoiceEventKind.Paid,
            EventTypes.InvoicePaymentFailed => ProviderInvoiceEventKind.PaymentFailed,
            EventTypes.InvoiceVoided => ProviderInvoiceEventKind.Voided,
            EventTypes.InvoiceMarkedUncollectible => ProviderInvoiceEventKind.MarkedUncollectible,
            _ => null,
        };
        var occurredAt = stripeEvent.Created == default ? (DateTimeOffset?)null : new DateTimeOffset(DateTime.SpecifyKind(stripeEvent.Created, DateTimeKind.Utc));
        switch (stripeEvent.Data.Object)
        {
            case Invoice invoice when invoiceKind is { } kind && !string.IsNullOrEmpty(invoice.Id):
                var billingInvoiceId = invoice.Metadata?.GetValueOrDefault("billing_invoice_id");
                var failure = kind == ProviderInvoiceEventKind.PaymentFailed
                    ? $"Stripe could not collect invoice {invoice.Id} (attempt {Math.Max(invoice.AttemptCount, 1)})."
                    : null;
                return new ProviderInvoiceEvent(id, type, kind, invoice.Id, billingInvoiceId, occurredAt, null, failure);
            case SetupIntent setup when type == EventTypes.SetupIntentSucceeded && !string.IsNullOrEmpty(setup.Id) && setup.CustomerId is { Length: > 0 } customer:
                return new ProviderSetupCompleted(id, type, setup.Id, customer);
            case Session { Mode: "setup", SetupIntentId: { Length: > 0 } setupIntent, CustomerId: { Length: > 0 } customer } when type == EventTypes.CheckoutSessionCompleted:
                return new ProviderSetupCompleted(id, type, setupIntent, customer);
            default:
                return new IgnoredProviderEvent(id, type);
        }
    }

    /// <summary>API-1 holds here too: Stripe.net's reader would take a repeated key or a lone surrogate.</summary>
    private static void EnsureStrictJson(string payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload, new JsonDocumentOptions { AllowDuplicateProperties = false });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw NotAnEvent();
            }

            if (JsonText.HasInvalidUtf16(document.RootElement))
            {
                throw new InvalidWebhookException("The webhook body holds text that is not valid Unicode (an escaped lone surrogate).");
            }
        }
        catch (JsonException)
        {
            throw new InvalidWebhookException("The webhook body is not JSON, or repeats a key.");
        }
    }

    private static InvalidWebhookException NotAnEvent() => new("The webhook body is not a Stripe event (id, type, data.object).");
}
