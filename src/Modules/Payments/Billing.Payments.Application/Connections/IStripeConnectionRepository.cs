using Billing.Payments.Domain.Connections;

namespace Billing.Payments.Application.Connections;

internal interface IStripeConnectionRepository
{
    /// <summary>The caller environment's connection set through the API, if any.</summary>
    Task<StripeConnection?> FindAsync(CancellationToken cancellationToken);

    void Add(StripeConnection connection);
}
