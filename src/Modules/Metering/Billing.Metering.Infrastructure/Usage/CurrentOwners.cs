using Billing.BuildingBlocks.Domain;
using Billing.BuildingBlocks.Infrastructure.Scheduling;
using Billing.Customers.Contracts;
using Billing.Metering.Infrastructure.Caching;
using Microsoft.Extensions.DependencyInjection;

namespace Billing.Metering.Infrastructure.Usage;

/// <summary>
/// MET-3, MET-5: who owns each external id as the events are written. Asked of the Customers module
/// inside the write transaction, which holds the database's write lock: no deletion or new customer
/// can commit between this answer and the events' commit, in this process or any other on the same
/// database (docs-adr/0032). The process's cache of customers is corrected from the answer. The
/// request handler's earlier, cached look-up is kept on purpose: it decides the reason an event is
/// refused when several things are wrong with it (an unknown customer first), before any other check.
/// </summary>
internal sealed class CurrentOwners(IServiceScopeFactory scopes, KnownCustomers known)
{
    public async Task<IReadOnlyDictionary<string, CustomerReference>> ResolveAsync(
        BillingEnvironment environment, IReadOnlyCollection<string> externalIds, CancellationToken cancellationToken)
    {
        var owners = await scopes.SendAsync(environment, "metering", new FindCustomersByExternalIdsQuery(externalIds), cancellationToken);
        foreach (var externalId in externalIds)
        {
            if (owners.TryGetValue(externalId, out var owner))
            {
                known.Remember(environment, owner);
            }
            else
            {
                known.Forget(environment, externalId);
            }
        }

        return owners;
    }

    /// <summary>The owners of every external id of a group of requests, per environment, asked once.</summary>
    public async Task<Dictionary<BillingEnvironment, IReadOnlyDictionary<string, CustomerReference>>> ResolveAllAsync(IReadOnlyList<PendingAppend> group)
    {
        var owners = new Dictionary<BillingEnvironment, IReadOnlyDictionary<string, CustomerReference>>();
        foreach (var environment in group.GroupBy(pending => pending.Environment))
        {
            var externalIds = environment.SelectMany(pending => pending.Events).Select(record => record.ExternalCustomerId).Distinct().ToList();
            owners[environment.Key] = await ResolveAsync(environment.Key, externalIds, CancellationToken.None);
        }

        return owners;
    }
}
