using Billing.Invoicing.Contracts;
using MediatR;

namespace Billing.Invoicing.Application.Invoices.VoidInvoice;

internal sealed class VoidInvoiceHandler(IInvoiceRepository invoices, TimeProvider clock) : IRequestHandler<VoidInvoiceCommand, InvoiceDto>
{
    public async Task<InvoiceDto> Handle(VoidInvoiceCommand command, CancellationToken cancellationToken)
    {
        var invoice = await invoices.GetAsync(command.InvoiceId, cancellationToken);
        invoice.Void(clock.GetUtcNow(), command.Reason!);
        return invoice.ToDto();
    }
}
