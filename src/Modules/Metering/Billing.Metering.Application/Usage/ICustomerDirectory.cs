using Billing.Customers.Contracts;

namespace Billing.Metering.Application.Usage;

/// <summary>Resolves customers' external ids in the caller's environment, for many events at once.</summary>
internal interface ICustomerDirectory
{
    Task<IReadOnlyDictionary<string, CustomerReference>> ResolveAsync(IReadOnlyCollection<string> externalIds, CancellationToken cancellationToken);
}
