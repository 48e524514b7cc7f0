using Billing.BuildingBlocks.Application.Events;
using Billing.BuildingBlocks.Application.Validation;
using Billing.Payments.Domain.Collections;

namespace Billing.Payments.Application.Collections.ReportToInvoicing;

internal sealed class QueueProviderInvoiceChange(IIntegrationEventOutbox outbox) : IDomainEventHandler<ProviderInvoiceChanged>
{
    public Task Handle(DomainEventNotification<ProviderInvoiceChanged> notification, CancellationToken cancellationToken)
    {
        var change = notification.DomainEvent;
        outbox.Enqueue(new ProviderInvoiceChangedIntegrationEvent(
            Guid.CreateVersion7(change.OccurredAt), change.OccurredAt, change.InvoiceId, WireName.Of(change.Status), change.Reason, change.Message));
        return Task.CompletedTask;
    }
}
