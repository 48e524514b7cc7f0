using Billing.Access.Domain.ApiKeys;
using Billing.BuildingBlocks.Domain;

namespace Billing.Access.Application.ApiKeys;

/// <summary>
/// The keys of one environment. Keys are the one record looked up before the environment is known
/// (the key tells it), so they carry their environment as data and every method here names it
/// (docs-adr/0010).
/// </summary>
internal interface IApiKeyRepository
{
    void Add(ApiKey key);

    Task<ApiKey?> FindAsync(BillingEnvironment environment, string id, CancellationToken cancellationToken);

    /// <summary>Newest first.</summary>
    Task<IReadOnlyList<ApiKey>> ListAsync(BillingEnvironment environment, CancellationToken cancellationToken);

    Task<int> CountActiveAdminsAsync(BillingEnvironment environment, string exceptId, CancellationToken cancellationToken);

    Task SaveChangesAsync(CancellationToken cancellationToken);
}
