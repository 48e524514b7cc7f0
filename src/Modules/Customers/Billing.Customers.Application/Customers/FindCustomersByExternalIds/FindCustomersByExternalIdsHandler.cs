using Billing.BuildingBlocks.Application.Validation;
using Billing.Customers.Contracts;
using MediatR;

namespace Billing.Customers.Application.Customers.FindCustomersByExternalIds;

internal sealed class FindCustomersByExternalIdsHandler(ICustomerRepository customers)
    : IRequestHandler<FindCustomersByExternalIdsQuery, IReadOnlyDictionary<string, CustomerReference>>
{
    public async Task<IReadOnlyDictionary<string, CustomerReference>> Handle(FindCustomersByExternalIdsQuery query, CancellationToken cancellationToken)
    {
        if (query.ExternalIds.Count == 0)
        {
            return new Dictionary<string, CustomerReference>();
        }

        var found = await customers.FindByExternalIdsAsync(query.ExternalIds.Distinct().ToList(), cancellationToken);
        return found.ToDictionary(
            customer => customer.ExternalId,
            customer => new CustomerReference(customer.Id, customer.ExternalId, WireName.Of(customer.Status)));
    }
}
