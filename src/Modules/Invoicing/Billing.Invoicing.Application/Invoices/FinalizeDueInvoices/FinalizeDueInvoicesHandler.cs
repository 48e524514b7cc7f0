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

        // Read inside the transaction: another run may have finalized some meanwhile. Numbered in the order found due.
        var found = await invoices.FindManyAsync(command.InvoiceIds, cancellationToken);
        var due = command.InvoiceIds
            .Select(id => found.GetValueOrDefault(id))
            .OfType<Invoice>()
            .Where(invoice => invoice.Status == InvoiceStatus.Draft && invoice.FinalizesAt <= now)
            .ToList();
        await issuer.FinalizeManyAsync(due, "grace period ended", cancellationToken);
        return due.Count;
    }
}
