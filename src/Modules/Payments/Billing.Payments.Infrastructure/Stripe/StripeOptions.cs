namespace Billing.Payments.Infrastructure.Stripe;

/// <summary><c>Billing:Stripe</c> (OPS-5): where Stripe is, which API version we speak, and each environment's keys.</summary>
internal sealed class StripeOptions
{
    public const string Section = "Billing:Stripe";

    /// <summary>The API version every request pins (Stripe-Version), the one ../shared/stripe describes.</summary>
    public const string ApiVersion = "2023-08-16";

    public Uri BaseUrl { get; set; } = new("https://api.stripe.com/");

    /// <summary>One attempt's limit; a timed-out call is retried with the same idempotency key.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Quick retries of one call on timeouts, 409 (a concurrent request with the same key), 429 and 5xx, as Stripe's libraries do.</summary>
    public int MaxNetworkRetries { get; set; } = 2;

    /// <summary>The first quick retry's delay; doubled each time, with jitter, up to 8 seconds.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

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
