using Billing.Invoicing.Application.Invoices.Issuing;
using Billing.Invoicing.Domain.Invoices;
using MediatR;

namespace Billing.Invoicing.Application.Invoices.FinalizeDueInvoices;

internal sealed class FinalizeDueInvoicesHandler(IInvoiceRepository invoices, InvoiceIssuer issuer, TimeProvider clock)
    : IRequestHandler<FinalizeDueInvoicesCommand, int>
{
    public async Task<int> Handle(FinalizeDueInvoicesCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var finalized = 0;
        foreach (var id in command.InvoiceIds)
        {
            // Read inside the transaction: another run may have finalized it meanwhile.
            var invoice = await invoices.FindAsync(id, cancellationToken);
            if (invoice is { Status: InvoiceStatus.Draft } && invoice.FinalizesAt <= now)
            {
                await issuer.FinalizeAsync(invoice, "grace period ended", cancellationToken);
                finalized++;
            }
        }

        return finalized;
    }
}
