using Billing.BuildingBlocks.Application.Access;
using Billing.Customers.Contracts;
using MediatR;

namespace Billing.Customers.Application.Customers.FindCustomers;

internal sealed class FindCustomersHandler(ICustomerRepository customers, ICallerContext caller)
    : IRequestHandler<FindCustomersQuery, IReadOnlyDictionary<string, CustomerDto>>
{
    public async Task<IReadOnlyDictionary<string, CustomerDto>> Handle(FindCustomersQuery query, CancellationToken cancellationToken)
    {
        if (query.CustomerIds.Count == 0)
        {
            return new Dictionary<string, CustomerDto>();
        }

        var found = await customers.ReadManyAsync(query.CustomerIds.Distinct().ToList(), cancellationToken);
        return found.ToDictionary(customer => customer.Id, customer => customer.ToDto(caller.Environment));
    }
}
