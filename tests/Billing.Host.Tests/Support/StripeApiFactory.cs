using Billing.Host.Tests.FakeStripe;

namespace Billing.Host.Tests.Support;

/// <summary>
/// The product in process, talking to a <see cref="FakeStripeServer"/> over real HTTP on loopback,
/// with the test environment's Stripe keys in configuration and short timeouts.
/// Webhooks from the fake reach the host through its in-process client.
/// </summary>
public sealed class StripeApiFactory : BillingApiFactory
{
    public FakeStripeServer Stripe { get; } = new();

    public HttpClient Admin => ClientWith(TestAdminKey);

    /// <summary>Points the fake's webhooks at this host; call once the host is built.</summary>
    public StripeApiFactory WithWebhooks()
    {
        Stripe.WebhookClient = CreateClient();
        Stripe.WebhookUrl = "/webhooks/stripe/test";
        return this;
    }

    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Billing:Stripe:BaseUrl"] = Stripe.BaseUrl;
        settings["Billing:Stripe:Test:SecretKey"] = FakeStripeServer.SecretKey;
        settings["Billing:Stripe:Test:WebhookSecret"] = FakeStripeServer.WebhookSecret;
        settings["Billing:Stripe:Timeout"] = "00:00:01";
        settings["Billing:Payments:PollInterval"] = "00:00:00.050";
        return settings;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Stripe.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
