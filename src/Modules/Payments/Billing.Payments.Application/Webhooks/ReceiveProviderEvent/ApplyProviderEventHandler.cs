using Billing.Payments.Application.Collections;
using Billing.Payments.Application.Operations;
using Billing.Payments.Application.Provider;
using Billing.Payments.Domain.Collections;
using Billing.Payments.Domain.Operations;
using Billing.Payments.Domain.ProviderEvents;
using MediatR;

namespace Billing.Payments.Application.Webhooks.ReceiveProviderEvent;

/// <summary>
/// Records the event id so a redelivery changes nothing twice, and applies what it says. The invoice
/// changes reach Invoicing through Payments' outbox after commit; events for invoices Billing did not
/// send are acknowledged and ignored.
/// </summary>
internal sealed class ApplyProviderEventHandler(
    IProviderEventReceiptRepository receipts,
    IProviderInvoiceRepository providerInvoices,
    IProviderOperationRepository operations,
    TimeProvider clock) : IRequestHandler<ApplyProviderEventCommand, string>
{
    public async Task<string> Handle(ApplyProviderEventCommand command, CancellationToken cancellationToken)
    {
        var received = command.Event;
        if (await receipts.ExistsAsync(received.Id, cancellationToken))
        {
            return "duplicate";
        }

        var now = clock.GetUtcNow();
        receipts.Add(ProviderEventReceipt.Of(received.Id, received.Type, now));
        var applied = received switch
        {
            ProviderInvoiceEvent invoiceEvent => await ApplyAsync(invoiceEvent, now, cancellationToken),
            ProviderSetupCompleted setup => await UseSetUpPaymentMethodAsync(setup, now, cancellationToken),
            _ => false,
        };
        return applied ? "applied" : "ignored";
    }

    /// <summary>PAY-3: both checkout.session.completed and setup_intent.succeeded say it; the operation is queued once per setup.</summary>
    private async Task<bool> UseSetUpPaymentMethodAsync(ProviderSetupCompleted setup, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await operations.QueueAsync(ProviderOperationKind.SetDefaultPaymentMethod, setup.SetupId, setup.ProviderCustomerId, now, cancellationToken);
        return true;
    }

    private async Task<bool> ApplyAsync(ProviderInvoiceEvent received, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sent = received.BillingInvoiceId is { } billingId
            ? await providerInvoices.FindAsync(billingId, cancellationToken)
            : await providerInvoices.FindByProviderIdAsync(received.ProviderInvoiceId, cancellationToken);
        if (sent is null || (sent.ProviderInvoiceId is { } known && known != received.ProviderInvoiceId))
        {
            return false;
        }

        switch (received.Kind)
        {
            case ProviderInvoiceEventKind.Paid:
                sent.Paid(now, now);
                break;
            case ProviderInvoiceEventKind.PaymentFailed:
                sent.PaymentFailed(received.FailureReason ?? ProviderInvoice.UnspecifiedFailure, received.FailureMessage, now);
                break;
            case ProviderInvoiceEventKind.Voided:
                sent.Voided(now);
                break;
            case ProviderInvoiceEventKind.MarkedUncollectible:
                sent.MarkedUncollectible(now);
                break;
        }

        return true;
    }
}
