using Billing.BuildingBlocks.Domain;

namespace Billing.Payments.Domain.Connections;

/// <summary>
/// PAY-1: an environment's Stripe credentials as set through the API. The secrets are held
/// protected (encrypted by the infrastructure before they get here) and never leave the module in clear.
/// </summary>
internal sealed class StripeConnection : AggregateRoot
{
    private StripeConnection()
    {
    }

    /// <summary>One row per environment: the environment's name.</summary>
    public string Id { get; private set; } = string.Empty;

    public string ProtectedSecretKey { get; private set; } = string.Empty;

    public string SecretKeyHint { get; private set; } = string.Empty;

    public string ProtectedWebhookSecret { get; private set; } = string.Empty;

    public DateTimeOffset UpdatedAt { get; private set; }

    public static StripeConnection For(BillingEnvironment environment) => new() { Id = environment.ToString().ToLowerInvariant() };

    public void Set(BillingEnvironment environment, string secretKey, Func<string, string> protect, string webhookSecret, DateTimeOffset now)
    {
        StripeKeys.EnsureFits(environment, secretKey);
        ProtectedSecretKey = protect(secretKey);
        SecretKeyHint = StripeKeys.Hint(secretKey);
        ProtectedWebhookSecret = protect(webhookSecret);
        UpdatedAt = now;
    }
}
