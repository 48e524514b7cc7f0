using Billing.BuildingBlocks.Application.Access;
using Billing.BuildingBlocks.Application.Audit;
using Billing.BuildingBlocks.Application.Errors;
using Billing.Customers.Contracts;
using MediatR;

namespace Billing.Customers.Application.Customers.LinkStripeCustomer;

internal sealed class LinkStripeCustomerHandler(ICustomerRepository customers, IAuditTrail audit, ICallerContext caller, TimeProvider clock)
    : IRequestHandler<LinkStripeCustomerCommand, CustomerDto>
{
    public async Task<CustomerDto> Handle(LinkStripeCustomerCommand command, CancellationToken cancellationToken)
    {
        var customer = await customers.FindAsync(command.CustomerId, cancellationToken)
            ?? throw new NotFoundException(CustomerMapping.AuditEntityType, command.CustomerId);
        var before = customer.ToSnapshot();
        if (customer.LinkStripeCustomer(command.StripeCustomerId, clock.GetUtcNow()))
        {
            audit.Record(CustomerMapping.AuditEntityType, customer.Id, "linked", AuditChanges.Between(before, customer.ToSnapshot()), "Stripe customer created (PAY-2)");
        }

        return customer.ToDto(caller.Environment);
    }
}
