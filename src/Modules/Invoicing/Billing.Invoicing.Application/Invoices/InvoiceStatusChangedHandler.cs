using Billing.BuildingBlocks.Application.Audit;
using Billing.BuildingBlocks.Application.Events;
using Billing.BuildingBlocks.Application.Validation;
using Billing.Invoicing.Contracts;
using Billing.Invoicing.Domain.Invoices;

namespace Billing.Invoicing.Application.Invoices;

/// <summary>
/// AUD-1: every status change of an invoice is written to its history (when, which key, from, to,
/// why) in the transaction that made it, and the changes other modules act on are queued for them.
/// </summary>
internal sealed class InvoiceStatusChangedHandler(IAuditTrail audit, IIntegrationEventOutbox outbox) : IDomainEventHandler<InvoiceStatusChanged>
{
    public Task Handle(DomainEventNotification<InvoiceStatusChanged> notification, CancellationToken cancellationToken)
    {
        var change = notification.DomainEvent;
        var invoice = change.Invoice;
        var changes = new Dictionary<string, AuditChange>
        {
            ["status"] = new(change.From is { } from ? WireName.Of(from) : null, WireName.Of(change.To)),
        };
        if (change.To == InvoiceStatus.Open)
        {
            changes["number"] = new(null, invoice.Number);
            changes["total"] = new(null, invoice.Total);
        }

        audit.Record(InvoiceMapping.AuditEntityType, invoice.Id, change.From is null ? "created" : "status_changed", changes, change.Reason);

        IntegrationEvent? integrationEvent = change.To switch
        {
            InvoiceStatus.Open => new InvoiceFinalizedIntegrationEvent(
                Guid.NewGuid(), change.OccurredAt, invoice.Id, invoice.Number!, WireName.Of(invoice.Kind), invoice.CustomerId, invoice.Currency.Code, invoice.Total, invoice.DueDate),
            InvoiceStatus.Void => new InvoiceVoidedIntegrationEvent(Guid.NewGuid(), change.OccurredAt, invoice.Id, invoice.Number, change.Reason ?? string.Empty),
            InvoiceStatus.PastDue => new InvoicePastDueIntegrationEvent(
                Guid.NewGuid(), change.OccurredAt, invoice.Id, invoice.Number!, invoice.CustomerId, invoice.Total, invoice.Currency.Code),
            InvoiceStatus.Uncollectible => new InvoiceMarkedUncollectibleIntegrationEvent(
                Guid.NewGuid(), change.OccurredAt, invoice.Id, invoice.Number!, change.Reason ?? string.Empty),
            _ => null,
        };
        if (integrationEvent is not null)
        {
            outbox.Enqueue(integrationEvent);
        }

        return Task.CompletedTask;
    }
}
