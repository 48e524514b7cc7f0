using System.Collections.Concurrent;
using Billing.BuildingBlocks.Application.Access;
using Billing.BuildingBlocks.Domain;
using Billing.Customers.Contracts;
using Billing.Metering.Application.Usage;
using MediatR;

namespace Billing.Metering.Infrastructure.Caching;

/// <summary>
/// Customers already seen, per environment, so steady ingestion checks a request's events without
/// asking the Customers module about external ids it has met. Only a first check: a customer may be
/// deleted and its external id given to another by any process, so the event writer asks again under
/// the write lock and corrects this cache (CurrentOwners, docs-adr/0032). Misses always go to the
/// Customers module, so a customer created a moment ago is found. Bounded: when full, it starts over.
/// </summary>
internal sealed class KnownCustomers
{
    public const int Capacity = 200_000;

    private readonly ConcurrentDictionary<(BillingEnvironment, string), CustomerReference> _known = new();

    public bool TryGet(BillingEnvironment environment, string externalId, out CustomerReference customer) =>
        _known.TryGetValue((environment, externalId), out customer!);

    public void Remember(BillingEnvironment environment, CustomerReference customer)
    {
        if (_known.Count >= Capacity)
        {
            _known.Clear();
        }

        _known[(environment, customer.ExternalId)] = customer;
    }

    public void Forget(BillingEnvironment environment, string externalId) => _known.TryRemove((environment, externalId), out _);
}

/// <summary>A deleted customer's external id may be given to a new customer: stop resolving it to the old one.</summary>
internal sealed class ForgetDeletedCustomer(KnownCustomers known, ICallerContext caller) : INotificationHandler<Customers.Contracts.CustomerDeletedIntegrationEvent>
{
    public Task Handle(Customers.Contracts.CustomerDeletedIntegrationEvent notification, CancellationToken cancellationToken)
    {
        known.Forget(caller.Environment, notification.ExternalId);
        return Task.CompletedTask;
    }
}

internal sealed class CustomerDirectory(KnownCustomers known, IMediator mediator, ICallerContext caller) : ICustomerDirectory
{
    public async Task<IReadOnlyDictionary<string, CustomerReference>> ResolveAsync(IReadOnlyCollection<string> externalIds, CancellationToken cancellationToken)
    {
        var environment = caller.Environment;
        var resolved = new Dictionary<string, CustomerReference>(externalIds.Count);
        var unknown = new List<string>();
        foreach (var externalId in externalIds)
        {
            if (known.TryGet(environment, externalId, out var customer))
            {
                resolved[externalId] = customer;
            }
            else
            {
                unknown.Add(externalId);
            }
        }

        if (unknown.Count > 0)
        {
            foreach (var (externalId, customer) in await mediator.Send(new FindCustomersByExternalIdsQuery(unknown), cancellationToken))
            {
                known.Remember(environment, customer);
                resolved[externalId] = customer;
            }
        }

        return resolved;
    }
}
