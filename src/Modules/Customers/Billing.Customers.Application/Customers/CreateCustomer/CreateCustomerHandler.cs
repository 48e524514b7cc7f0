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
    public Task<CustomerDto> Handle(CreateCustomerCommand command, CancellationToken cancellationToken)
    {
        // No look-up first: the unique key on (environment, external id) answers a taken id with the
        // same 409 customer_exists (docs-adr/0040). On PostgreSQL a read before the insert would take a
        // predicate lock on an index page that concurrent creations write to, and make them conflict.
        var externalId = command.ExternalId!;
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
        return Task.FromResult(customer.ToDto(caller.Environment));
    }
}
