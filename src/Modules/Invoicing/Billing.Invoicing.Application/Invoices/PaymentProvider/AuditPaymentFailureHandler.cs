using Billing.BuildingBlocks.Application.Audit;
using Billing.BuildingBlocks.Application.Events;
using Billing.Invoicing.Domain.Invoices;

namespace Billing.Invoicing.Application.Invoices.PaymentProvider;

/// <summary>AUD-1: a failed collection is part of the invoice's history, with the provider's message as the why.</summary>
internal sealed class AuditPaymentFailureHandler(IAuditTrail audit) : IDomainEventHandler<InvoicePaymentFailed>
{
    public Task Handle(DomainEventNotification<InvoicePaymentFailed> notification, CancellationToken cancellationToken)
    {
        var failed = notification.DomainEvent;
        audit.Record(
            InvoiceMapping.AuditEntityType,
            failed.Invoice.Id,
            failed.Refines ? "payment_failure_refined" : "payment_failed",
            new Dictionary<string, AuditChange> { ["paymentFailure"] = new(failed.Refines ? Invoice.UnspecifiedPaymentFailure : null, failed.Reason) },
            failed.Message ?? failed.Reason);
        return Task.CompletedTask;
    }
}
