using System.Security.Cryptography;
using Billing.BuildingBlocks.Domain;

namespace Billing.Invoicing.Domain.Notifications;

/// <summary>
/// Where an environment's outbound webhooks go, and the secret their HMAC-SHA256 signature is made
/// with. The secret is shown once, when the endpoint is made.
/// </summary>
internal sealed class WebhookEndpoint : AggregateRoot
{
    public const string IdPrefix = "we";

    private WebhookEndpoint()
    {
    }

    public string Id { get; private set; } = string.Empty;

    public string Url { get; private set; } = string.Empty;

    public string Secret { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? DisabledAt { get; private set; }

    public static WebhookEndpoint Create(Uri url, DateTimeOffset now)
    {
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw new BusinessRuleViolation("invalid_webhook_url", $"'{url}' is not an absolute http(s) URL.");
        }

        return new WebhookEndpoint
        {
            Id = OpaqueId.New(IdPrefix, now),
            Url = url.AbsoluteUri,
            Secret = "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)),
            CreatedAt = now,
        };
    }

    public void Disable(DateTimeOffset now) => DisabledAt ??= now;
}
