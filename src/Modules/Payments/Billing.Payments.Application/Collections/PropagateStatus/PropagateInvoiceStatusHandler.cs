using Billing.Payments.Application.Operations;
using Billing.Payments.Domain.Collections;
using Billing.Payments.Domain.Operations;
using MediatR;

namespace Billing.Payments.Application.Collections.PropagateStatus;

/// <summary>
/// Nothing to do for an invoice never sent, or already settled at the provider (the change may have
/// come from there). A void stops a send still running before it asks for payment.
/// </summary>
internal sealed class PropagateInvoiceStatusHandler(IProviderInvoiceRepository providerInvoices, IProviderOperationRepository operations, TimeProvider clock)
    : IRequestHandler<PropagateInvoiceStatusCommand, bool>
{
    public async Task<bool> Handle(PropagateInvoiceStatusCommand command, CancellationToken cancellationToken)
    {
        var sent = await providerInvoices.FindAsync(command.InvoiceId, cancellationToken);
        if (sent is null || sent.IsSettled || (command.Kind == ProviderOperationKind.MarkUncollectible && sent.Status == ProviderInvoiceStatus.Uncollectible))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        if (command.Kind == ProviderOperationKind.VoidInvoice)
        {
            sent.RequestVoid(now);
        }

        return await operations.QueueAsync(command.Kind, sent.Id, string.Empty, now, cancellationToken);
    }
}
