namespace Billing.Payments.Application.Provider;

/// <summary>An environment's credentials for the provider, in clear, for the length of one call.</summary>
internal sealed record ProviderCredentials(string SecretKey, string WebhookSecret);

/// <summary>Billing's ids travel as provider metadata, so anyone in the provider's dashboard can find the Billing record.</summary>
internal sealed record ProviderCustomer(string Name, string? Email, IReadOnlyDictionary<string, string> Metadata);

internal sealed record ProviderInvoiceDraft(string ProviderCustomerId, string Currency, string Description, IReadOnlyDictionary<string, string> Metadata);

/// <summary>One invoice line as a provider invoice item; the amount in the currency's minor unit.</summary>
internal sealed record ProviderInvoiceItem(
    string ProviderCustomerId, string ProviderInvoiceId, string Currency, long AmountMinor, string Description, DateTimeOffset PeriodStart, DateTimeOffset PeriodEnd);

/// <summary>Paid, or refused with a machine-readable reason (<c>requires_payment_method</c>, <c>card_declined</c>).</summary>
internal sealed record CollectionOutcome(bool Paid, DateTimeOffset? PaidAt, string? FailureReason, string? FailureMessage)
{
    public static CollectionOutcome Succeeded(DateTimeOffset? paidAt) => new(true, paidAt, null, null);

    public static CollectionOutcome Failed(string reason, string? message) => new(false, null, reason, message);
}

/// <summary>The provider's invoice after finalization: paid at once (nothing to collect) or open.</summary>
internal sealed record ProviderFinalization(bool Paid, DateTimeOffset? PaidAt)
{
    public static readonly ProviderFinalization Open = new(false, null);
}

internal sealed record PaymentMethodSetup(string Url, DateTimeOffset ExpiresAt);

/// <summary>What a provider webhook says, in Billing's terms.</summary>
internal abstract record ProviderEvent(string Id, string Type);

/// <summary>An invoice event: paid, payment failed, voided or marked uncollectible.</summary>
internal sealed record ProviderInvoiceEvent(
    string Id, string Type, ProviderInvoiceEventKind Kind, string ProviderInvoiceId, string? BillingInvoiceId, DateTimeOffset? OccurredAt, string? FailureReason, string? FailureMessage)
    : ProviderEvent(Id, Type);

internal enum ProviderInvoiceEventKind
{
    Paid,
    PaymentFailed,
    Voided,
    MarkedUncollectible,
}

/// <summary>PAY-3: a payment-method setup completed.</summary>
internal sealed record ProviderSetupCompleted(string Id, string Type, string SetupId, string ProviderCustomerId) : ProviderEvent(Id, Type);

/// <summary>Verified, but nothing Billing acts on: acknowledged and ignored.</summary>
internal sealed record IgnoredProviderEvent(string Id, string Type) : ProviderEvent(Id, Type);
