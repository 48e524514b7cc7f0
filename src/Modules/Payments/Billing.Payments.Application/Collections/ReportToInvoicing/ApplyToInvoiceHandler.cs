using Billing.BuildingBlocks.Domain;
using Billing.Invoicing.Contracts;
using Billing.Payments.Domain.Collections;
using MediatR;
using Microsoft.Extensions.Logging;

namespace Billing.Payments.Application.Collections.ReportToInvoicing;

/// <summary>
/// PAY-5, PAY-6: the local invoice follows what the provider reported, through Invoicing's
/// Contracts. A change Billing's status machine refuses (paid at the provider after being voided
/// here) is logged for an admin, not retried: retrying cannot make it allowed.
/// </summary>
internal sealed class ApplyToInvoiceHandler(IMediator mediator, ILogger<ApplyToInvoiceHandler> logger) : INotificationHandler<ProviderInvoiceChangedIntegrationEvent>
{
    public async Task Handle(ProviderInvoiceChangedIntegrationEvent change, CancellationToken cancellationToken)
    {
        try
        {
            await ApplyAsync(change, cancellationToken);
        }
        catch (BusinessRuleViolation refused)
        {
            logger.LogWarning("Stripe reported invoice {InvoiceId} {Status}, which Billing refuses: {Reason}", change.InvoiceId, change.Status, refused.Message);
        }
    }

    private async Task ApplyAsync(ProviderInvoiceChangedIntegrationEvent change, CancellationToken cancellationToken)
    {
        switch (change.Status)
        {
            case "paid":
                await mediator.Send(new MarkInvoicePaidCommand(change.InvoiceId, change.OccurredAt, "paid through Stripe"), cancellationToken);
                break;
            case "payment_failed":
                await mediator.Send(
                    new RecordInvoicePaymentFailureCommand(change.InvoiceId, change.Reason ?? ProviderInvoice.UnspecifiedFailure, change.Message, change.OccurredAt), cancellationToken);
                break;
            case "void":
            case "uncollectible":
                await mediator.Send(new ApplyProviderInvoiceStatusCommand(change.InvoiceId, change.Status, change.Message ?? $"{change.Status} in Stripe"), cancellationToken);
                break;
        }
    }
}
