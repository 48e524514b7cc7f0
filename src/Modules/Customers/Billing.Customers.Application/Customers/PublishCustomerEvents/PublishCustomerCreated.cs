using Billing.BuildingBlocks.Application.Events;
using Billing.Customers.Contracts;
using Billing.Customers.Domain.Customers;

namespace Billing.Customers.Application.Customers.PublishCustomerEvents;

/// <summary>Tells the other modules, through the outbox, in the transaction that created the customer.</summary>
internal sealed class PublishCustomerCreated(IIntegrationEventOutbox outbox) : IDomainEventHandler<CustomerCreated>
{
    public Task Handle(DomainEventNotification<CustomerCreated> notification, CancellationToken cancellationToken)
    {
        var created = notification.DomainEvent;
        outbox.Enqueue(new CustomerCreatedIntegrationEvent(
            Guid.CreateVersion7(created.OccurredAt), created.OccurredAt, created.CustomerId, created.ExternalId, created.CreateInStripe));
        return Task.CompletedTask;
    }
}
