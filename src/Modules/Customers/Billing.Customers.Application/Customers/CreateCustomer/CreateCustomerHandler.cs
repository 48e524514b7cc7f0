using Billing.BuildingBlocks.Application.Access;
using Billing.BuildingBlocks.Application.Audit;
using Billing.BuildingBlocks.Application.Validation;
using Billing.BuildingBlocks.Domain;
using Billing.BuildingBlocks.Domain.Monetary;
using Billing.Customers.Contracts;
using Billing.Customers.Domain.Customers;
using MediatR;

namespace Billing.Customers.Application.Customers.CreateCustomer;

internal sealed class CreateCustomerHandler(ICustomerRepository customers, IAuditTrail audit, ICallerContext caller, TimeProvider clock)
    : IRequestHandler<CreateCustomerCommand, CustomerDto>
{
    public async Task<CustomerDto> Handle(CreateCustomerCommand command, CancellationToken cancellationToken)
    {
        var externalId = command.ExternalId!;
        if (await customers.ExternalIdExistsAsync(externalId, cancellationToken))
        {
            throw new BusinessRuleViolation("customer_exists", $"A customer with external id '{externalId}' already exists in this environment.");
        }

        var preferences = NotificationPreferences.DefaultFor(command.Email);
        var profile = new CustomerProfile(
            WireName.Parse<CustomerKind>(command.Kind!),
            command.Name!,
            command.Email,
            command.TaxRate ?? 0m,
            command.NotificationPreferences?.ApplyTo(preferences) ?? preferences,
            command.StripeCustomerId);
        var customer = Customer.Create(externalId, Currency.FromCode(command.Currency!), profile, clock.GetUtcNow(), command.CreateInStripe);

        customers.Add(customer);
        audit.Record(CustomerMapping.AuditEntityType, customer.Id, "created", AuditChanges.Between(null, customer.ToSnapshot()));
        return customer.ToDto(caller.Environment);
    }
}
