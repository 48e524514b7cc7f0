namespace Billing.Invoicing.Application.Notifications;

/// <summary>
/// Where outbound webhooks may go (docs-adr/0031): https to public addresses only, so an admin key
/// cannot make Billing probe the network it runs in. <c>Billing:Webhooks:AllowPrivateTargets</c>
/// lifts it (tests, a receiver on the same private network).
/// </summary>
internal interface IWebhookTargetPolicy
{
    /// <summary>Why the URL may not receive webhooks, or null when it may.</summary>
    Task<string?> RefusalAsync(Uri url, CancellationToken cancellationToken);
}
