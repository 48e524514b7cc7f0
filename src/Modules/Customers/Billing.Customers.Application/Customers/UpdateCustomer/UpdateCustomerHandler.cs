using Billing.BuildingBlocks.Application.Access;
using Billing.BuildingBlocks.Application.Audit;
using Billing.BuildingBlocks.Application.Errors;
using Billing.BuildingBlocks.Application.Validation;
using Billing.Customers.Contracts;
using Billing.Customers.Domain.Customers;
using MediatR;

namespace Billing.Customers.Application.Customers.UpdateCustomer;

internal sealed class UpdateCustomerHandler(ICustomerRepository customers, IAuditTrail audit, ICallerContext caller, TimeProvider clock)
    : IRequestHandler<UpdateCustomerCommand, CustomerDto>
{
    public async Task<CustomerDto> Handle(UpdateCustomerCommand command, CancellationToken cancellationToken)
    {
        var customer = await customers.FindAsync(command.CustomerId, cancellationToken)
            ?? throw new NotFoundException(CustomerMapping.AuditEntityType, command.CustomerId);

        var current = customer.ToProfile();
        var updated = new CustomerProfile(
            command.Kind is null ? current.Kind : WireName.Parse<CustomerKind>(command.Kind),
            command.Name ?? current.Name,
            command.Email ?? current.Email,
            command.TaxRate ?? current.TaxRate,
            command.NotificationPreferences?.ApplyTo(current.NotificationPreferences) ?? current.NotificationPreferences,
            command.StripeCustomerId switch
            {
                null => current.StripeCustomerId,
                "" => null,
                var linked => linked,
            });

        // An update that changes nothing leaves no trace: no new timestamp, no history line.
        if (updated != current)
        {
            var before = customer.ToSnapshot();
            customer.Update(updated, clock.GetUtcNow());
            audit.Record(CustomerMapping.AuditEntityType, customer.Id, "updated", AuditChanges.Between(before, customer.ToSnapshot()));
        }

        return customer.ToDto(caller.Environment);
    }
}
