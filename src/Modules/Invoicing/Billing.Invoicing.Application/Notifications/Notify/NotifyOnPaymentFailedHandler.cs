using Billing.BuildingBlocks.Application.Events;
using Billing.Invoicing.Domain.Invoices;

namespace Billing.Invoicing.Application.Notifications.Notify;

/// <summary>PAY-5: a failed collection notifies the admins and the customer per its <c>paymentFailed</c> preference.</summary>
internal sealed class NotifyOnPaymentFailedHandler(InvoiceNotices notices) : IDomainEventHandler<InvoicePaymentFailed>
{
    public Task Handle(DomainEventNotification<InvoicePaymentFailed> notification, CancellationToken cancellationToken)
    {
        var failed = notification.DomainEvent;
        if (failed.Refines)
        {
            return Task.CompletedTask;
        }

        return notices.SendAsync(
            "invoice.payment_failed",
            failed.Invoice,
            toAdmins: true,
            preferences => preferences.PaymentFailed,
            failed.OccurredAt,
            new { reason = failed.Reason, message = failed.Message },
            cancellationToken);
    }
}
