using Billing.BuildingBlocks.Application.Access;
using Billing.BuildingBlocks.Domain;
using Billing.Payments.Application.Connections;
using Billing.Payments.Application.Provider;
using Billing.Payments.Infrastructure.Stripe;
using Microsoft.Extensions.Options;

namespace Billing.Payments.Infrastructure.Connections;

/// <summary>PAY-1: the caller environment's Stripe credentials, from the API's settings first, configuration second.</summary>
internal sealed class ProviderConnections(
    IStripeConnectionRepository connections, ISecretProtector protector, ICallerContext caller, IOptions<StripeOptions> options) : IProviderConnections
{
    public async Task<ProviderCredentials?> CurrentAsync(CancellationToken cancellationToken) =>
        await connections.FindAsync(cancellationToken) is { } saved
            ? new ProviderCredentials(protector.Unprotect(saved.ProtectedSecretKey), protector.Unprotect(saved.ProtectedWebhookSecret))
            : Configured();

    public ProviderCredentials? Configured()
    {
        var keys = caller.Environment == BillingEnvironment.Live ? options.Value.Live : options.Value.Test;
        return string.IsNullOrWhiteSpace(keys.SecretKey) ? null : new ProviderCredentials(keys.SecretKey, keys.WebhookSecret ?? string.Empty);
    }
}
