using Billing.BuildingBlocks.Application.Access;
using Billing.BuildingBlocks.Application.Errors;
using Billing.Customers.Contracts;
using MediatR;

namespace Billing.Customers.Application.Customers.GetCustomer;

internal sealed class GetCustomerHandler(ICustomerRepository customers, ICallerContext caller)
    : IRequestHandler<GetCustomerQuery, CustomerDto>
{
    public async Task<CustomerDto> Handle(GetCustomerQuery query, CancellationToken cancellationToken)
    {
        var customer = await customers.ReadAsync(query.CustomerId, cancellationToken)
            ?? throw new NotFoundException(CustomerMapping.AuditEntityType, query.CustomerId);
        return customer.ToDto(caller.Environment);
    }
}
