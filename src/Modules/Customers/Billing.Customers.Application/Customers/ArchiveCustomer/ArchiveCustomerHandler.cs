using Billing.BuildingBlocks.Application.Access;
using Billing.BuildingBlocks.Application.Audit;
using Billing.BuildingBlocks.Application.Errors;
using Billing.Customers.Contracts;
using MediatR;

namespace Billing.Customers.Application.Customers.ArchiveCustomer;

internal sealed class ArchiveCustomerHandler(ICustomerRepository customers, IAuditTrail audit, ICallerContext caller, TimeProvider clock)
    : IRequestHandler<ArchiveCustomerCommand, CustomerDto>
{
    public async Task<CustomerDto> Handle(ArchiveCustomerCommand command, CancellationToken cancellationToken)
    {
        var customer = await customers.FindAsync(command.CustomerId, cancellationToken)
            ?? throw new NotFoundException(CustomerMapping.AuditEntityType, command.CustomerId);

        var before = customer.ToSnapshot();
        if (customer.Archive(clock.GetUtcNow()))
        {
            audit.Record(CustomerMapping.AuditEntityType, customer.Id, "archived", AuditChanges.Between(before, customer.ToSnapshot()));
        }

        return customer.ToDto(caller.Environment);
    }
}
