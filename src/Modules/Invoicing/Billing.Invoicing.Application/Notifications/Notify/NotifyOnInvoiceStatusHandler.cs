using Billing.BuildingBlocks.Application.Events;
using Billing.Invoicing.Domain.Invoices;

namespace Billing.Invoicing.Application.Notifications.Notify;

/// <summary>
/// INV-11: an invoice gone past due notifies the admins (the admin feed) and the customer by the
/// channel of its <c>pastDue</c> preference; a finalized one notifies the customer per
/// <c>invoiceIssued</c>. All of it in the transaction of the status change, so no notice is lost or
/// sent for a change that did not happen.
/// </summary>
internal sealed class NotifyOnInvoiceStatusHandler(InvoiceNotices notices) : IDomainEventHandler<InvoiceStatusChanged>
{
    public Task Handle(DomainEventNotification<InvoiceStatusChanged> notification, CancellationToken cancellationToken)
    {
        var change = notification.DomainEvent;
        return change.To switch
        {
            InvoiceStatus.PastDue => notices.SendAsync(
                "invoice.past_due", change.Invoice, toAdmins: true, preferences => preferences.PastDue, change.OccurredAt, detail: null, cancellationToken),
            InvoiceStatus.Open => notices.SendAsync(
                "invoice.issued", change.Invoice, toAdmins: false, preferences => preferences.InvoiceIssued, change.OccurredAt, detail: null, cancellationToken),
            _ => Task.CompletedTask,
        };
    }
}
