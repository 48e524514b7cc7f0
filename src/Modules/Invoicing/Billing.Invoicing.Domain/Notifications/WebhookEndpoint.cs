using System.Security.Cryptography;
using Billing.BuildingBlocks.Domain;

namespace Billing.Invoicing.Domain.Notifications;

/// <summary>
/// Where an environment's outbound webhooks go, and the secret their HMAC-SHA256 signature is made
/// with. The secret is shown once, when the endpoint is made, and kept only encrypted.
/// </summary>
internal sealed class WebhookEndpoint : AggregateRoot
{
    public const string IdPrefix = "we";

    private WebhookEndpoint()
    {
    }

    public string Id { get; private set; } = string.Empty;

    public string Url { get; private set; } = string.Empty;

    /// <summary>The signing secret as stored: encrypted by the application before it gets here.</summary>
    public string StoredSecret { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? DisabledAt { get; private set; }

    /// <summary>A new signing secret, to show once and store encrypted.</summary>
    public static string NewSecret() => "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    public static WebhookEndpoint Create(Uri url, string storedSecret, DateTimeOffset now)
    {
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw new BusinessRuleViolation("invalid_webhook_url", $"'{url}' is not an absolute http(s) URL.");
        }

        return new WebhookEndpoint
        {
            Id = OpaqueId.New(IdPrefix, now),
            Url = url.AbsoluteUri,
            StoredSecret = storedSecret,
            CreatedAt = now,
        };
    }

    public void Disable(DateTimeOffset now) => DisabledAt ??= now;
}
