using Billing.BuildingBlocks.Application.Errors;
using Billing.Invoicing.Contracts;
using MediatR;

namespace Billing.Invoicing.Application.Invoices.VoidInvoice;

internal sealed class VoidInvoiceHandler(IInvoiceRepository invoices, TimeProvider clock) : IRequestHandler<VoidInvoiceCommand, InvoiceDto>
{
    public async Task<InvoiceDto> Handle(VoidInvoiceCommand command, CancellationToken cancellationToken)
    {
        var invoice = await invoices.FindAsync(command.InvoiceId, cancellationToken)
            ?? throw new NotFoundException(InvoiceMapping.AuditEntityType, command.InvoiceId);
        invoice.Void(clock.GetUtcNow(), command.Reason!);
        return invoice.ToDto();
    }
}
