using Billing.Payments.Application.Provider;

namespace Billing.Payments.Application.Connections;

/// <summary>
/// PAY-1: the caller environment's credentials: those set through the API, else those in
/// configuration (<c>Billing:Stripe:{Test,Live}:*</c>); null when neither has them.
/// </summary>
internal interface IProviderConnections
{
    Task<ProviderCredentials?> CurrentAsync(CancellationToken cancellationToken);

    /// <summary>The configured credentials of the caller's environment, if any (the API's settings win over them).</summary>
    ProviderCredentials? Configured();
}
