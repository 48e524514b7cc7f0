namespace Billing.Invoicing.Application.Notifications;

/// <summary>Endpoint secrets are encrypted at rest, as the Stripe keys are (docs-adr/0031).</summary>
internal interface IWebhookSecretProtector
{
    string Protect(string secret);

    string Unprotect(string storedSecret);
}
