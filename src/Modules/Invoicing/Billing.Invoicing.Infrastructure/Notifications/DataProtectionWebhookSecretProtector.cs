using Billing.Invoicing.Application.Notifications;
using Microsoft.AspNetCore.DataProtection;

namespace Billing.Invoicing.Infrastructure.Notifications;

/// <summary>Endpoint secrets with the product's key ring (docs-adr/0031).</summary>
internal sealed class DataProtectionWebhookSecretProtector(IDataProtectionProvider provider) : IWebhookSecretProtector
{
    // Secrets written before they were encrypted are plain "whsec_…"; a protected one never starts so.
    private const string PlainPrefix = "whsec_";

    private readonly IDataProtector _protector = provider.CreateProtector("Billing.Invoicing.WebhookEndpoint.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string storedSecret) =>
        storedSecret.StartsWith(PlainPrefix, StringComparison.Ordinal) ? storedSecret : _protector.Unprotect(storedSecret);
}
