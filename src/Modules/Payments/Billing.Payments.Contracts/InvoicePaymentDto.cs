namespace Billing.Payments.Contracts;

/// <summary>
/// Where an invoice stands at the payment provider (the admin page's "Stripe link"). <c>status</c>:
/// not_sent, queued, draft, open, paid, payment_failed, void or uncollectible. <c>failureReason</c>
/// is machine-readable (<c>requires_payment_method</c>); <c>operations</c> are the provider calls
/// queued for it, with their state (pending, done, failed) and last error.
/// </summary>
public sealed record InvoicePaymentDto(
    string InvoiceId,
    string Provider,
    string Status,
    string? ProviderInvoiceId,
    string? ProviderCustomerId,
    string? FailureReason,
    string? FailureMessage,
    IReadOnlyList<ProviderOperationDto> Operations);

public sealed record ProviderOperationDto(string Id, string Kind, string Status, int Attempts, string? LastError, DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt);

/// <summary>PAY-3: where the customer enters a card, and until when the page works.</summary>
public sealed record PaymentMethodSetupDto(string Url, DateTimeOffset ExpiresAt);
