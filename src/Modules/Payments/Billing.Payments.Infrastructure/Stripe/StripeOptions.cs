namespace Billing.Payments.Infrastructure.Stripe;

/// <summary>
/// <c>Billing:Stripe</c> (OPS-5): where Stripe is, how long one attempt may take, and each
/// environment's keys. The API version is Stripe.net's own pin (<see cref="global::Stripe.StripeConfiguration.ApiVersion"/>).
/// </summary>
internal sealed class StripeOptions
{
    public const string Section = "Billing:Stripe";

    public Uri BaseUrl { get; set; } = new("https://api.stripe.com/");

    /// <summary>One attempt's limit; Stripe.net retries a timed-out call with the same idempotency key.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Stripe.net's quick retries of one call (timeouts, connection errors, 409 and 5xx, with its own
    /// backoff of 0.5 to 5 seconds). A 429 is not among them: the outbox's backoff takes it (ADR 0037).
    /// </summary>
    public int MaxNetworkRetries { get; set; } = 2;

    /// <summary>PAY-6: how old a webhook signature may be.</summary>
    public TimeSpan WebhookTolerance { get; set; } = TimeSpan.FromSeconds(300);

    public StripeKeysOptions Test { get; set; } = new();

    public StripeKeysOptions Live { get; set; } = new();
}

internal sealed class StripeKeysOptions
{
    public string? SecretKey { get; set; }

    public string? WebhookSecret { get; set; }
}
