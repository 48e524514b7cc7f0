using Billing.BuildingBlocks.Application.Audit;
using Billing.BuildingBlocks.Application.Errors;
using Billing.BuildingBlocks.Application.Events;
using Billing.BuildingBlocks.Domain;
using Billing.Customers.Contracts;
using MediatR;

namespace Billing.Customers.Application.Customers.DeleteCustomer;

/// <summary>
/// Whoever keeps the customer's invoices and subscriptions is asked (through Customers' own
/// <see cref="GetCustomerBillingFootprintQuery"/>); either refuses the deletion, because it would orphan them. Its audit history stays (append-only).
/// </summary>
internal sealed class DeleteCustomerHandler(ICustomerRepository customers, IMediator mediator, IAuditTrail audit, IIntegrationEventOutbox outbox, TimeProvider clock)
    : IRequestHandler<DeleteCustomerCommand, bool>
{
    public async Task<bool> Handle(DeleteCustomerCommand command, CancellationToken cancellationToken)
    {
        var customer = await customers.FindAsync(command.CustomerId, cancellationToken)
            ?? throw new NotFoundException(CustomerMapping.AuditEntityType, command.CustomerId);
        var footprint = await mediator.Send(new GetCustomerBillingFootprintQuery(customer.Id), cancellationToken);
        if (footprint.HasInvoices)
        {
            throw new BusinessRuleViolation("customer_has_invoices", $"Customer {customer.Id} has invoices and cannot be deleted; archive it instead.");
        }

        if (footprint.HasSubscriptions)
        {
            throw new BusinessRuleViolation("customer_has_subscriptions", $"Customer {customer.Id} has subscriptions and cannot be deleted; archive it instead.");
        }

        await customers.RemoveAsync(customer, cancellationToken);
        audit.Record(CustomerMapping.AuditEntityType, customer.Id, "deleted", new Dictionary<string, AuditChange>
        {
            ["externalId"] = new(customer.ExternalId, null),
            ["name"] = new(customer.Name, null),
        });
        outbox.Enqueue(new CustomerDeletedIntegrationEvent(Guid.NewGuid(), clock.GetUtcNow(), customer.Id, customer.ExternalId));
        return true;
    }
}
