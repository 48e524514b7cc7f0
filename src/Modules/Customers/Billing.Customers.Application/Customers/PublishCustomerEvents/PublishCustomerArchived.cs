using Billing.BuildingBlocks.Application.Events;
using Billing.Customers.Contracts;
using Billing.Customers.Domain.Customers;

namespace Billing.Customers.Application.Customers.PublishCustomerEvents;

internal sealed class PublishCustomerArchived(IIntegrationEventOutbox outbox) : IDomainEventHandler<CustomerArchived>
{
    public Task Handle(DomainEventNotification<CustomerArchived> notification, CancellationToken cancellationToken)
    {
        var archived = notification.DomainEvent;
        outbox.Enqueue(new CustomerArchivedIntegrationEvent(
            Guid.CreateVersion7(archived.OccurredAt), archived.OccurredAt, archived.CustomerId));
        return Task.CompletedTask;
    }
}
