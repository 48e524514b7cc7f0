using Billing.Invoicing.Contracts;
using Billing.Invoicing.Domain.Invoices;
using MediatR;

namespace Billing.Invoicing.Application.Invoices.MarkPaid;

/// <summary>PAY-6: a redelivered payment finds the invoice paid already and changes nothing.</summary>
internal sealed class MarkInvoicePaidHandler(IInvoiceRepository invoices, TimeProvider clock) : IRequestHandler<MarkInvoicePaidCommand, InvoiceDto>
{
    public async Task<InvoiceDto> Handle(MarkInvoicePaidCommand command, CancellationToken cancellationToken)
    {
        var invoice = await invoices.GetAsync(command.InvoiceId, cancellationToken);
        if (invoice.Status != InvoiceStatus.Paid)
        {
            invoice.MarkPaid(command.PaidAt.ToUniversalTime(), clock.GetUtcNow(), command.Reason);
        }

        return invoice.ToDto();
    }
}
