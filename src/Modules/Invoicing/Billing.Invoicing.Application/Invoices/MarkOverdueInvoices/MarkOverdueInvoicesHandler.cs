using MediatR;

namespace Billing.Invoicing.Application.Invoices.MarkOverdueInvoices;

/// <summary>The notifications follow from the status change (see Notifications), in this same transaction.</summary>
internal sealed class MarkOverdueInvoicesHandler(IInvoiceRepository invoices, TimeProvider clock) : IRequestHandler<MarkOverdueInvoicesCommand, int>
{
    public async Task<int> Handle(MarkOverdueInvoicesCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var moved = 0;
        foreach (var id in command.InvoiceIds)
        {
            var invoice = await invoices.FindAsync(id, cancellationToken);
            if (invoice is not null && invoice.IsOverdue(now))
            {
                invoice.MarkPastDue(now);
                moved++;
            }
        }

        return moved;
    }
}
