using Billing.BuildingBlocks.Domain;
using Billing.Payments.Application.Provider;
using Billing.Payments.Contracts;
using Billing.Payments.Domain.Connections;

namespace Billing.Payments.Application.Connections;

internal static class ConnectionMapping
{
    public static StripeConnectionDto FromApi(BillingEnvironment environment, StripeConnection connection) =>
        new(environment.ToWireName(), true, "api", connection.SecretKeyHint, true, connection.UpdatedAt);

    public static StripeConnectionDto FromConfiguration(BillingEnvironment environment, ProviderCredentials? configured) =>
        configured is null
            ? new(environment.ToWireName(), false, "none", null, false, null)
            : new(environment.ToWireName(), true, "configuration", StripeKeys.Hint(configured.SecretKey), configured.WebhookSecret.Length > 0, null);
}
