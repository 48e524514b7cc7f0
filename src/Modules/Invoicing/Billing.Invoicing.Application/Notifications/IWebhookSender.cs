namespace Billing.Invoicing.Application.Notifications;

/// <summary>
/// Posts one signed webhook: header <c>Billing-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256(secret, "t.body")&gt;</c>,
/// the scheme Stripe uses, so receivers verify it the same way. Answers the status code, or the error.
/// </summary>
internal interface IWebhookSender
{
    Task<(int? StatusCode, string? Error)> SendAsync(DeliveryWork work, DateTimeOffset now, CancellationToken cancellationToken);
}
