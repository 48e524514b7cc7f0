using Billing.Invoicing.Application.Invoices.Issuing;
using Billing.Invoicing.Contracts;
using Billing.Invoicing.Domain.Invoices;
using MediatR;

namespace Billing.Invoicing.Application.Invoices.FinalizeInvoice;

internal sealed class FinalizeInvoiceHandler(IInvoiceRepository invoices, InvoiceIssuer issuer) : IRequestHandler<FinalizeInvoiceCommand, InvoiceDto>
{
    public async Task<InvoiceDto> Handle(FinalizeInvoiceCommand command, CancellationToken cancellationToken)
    {
        var invoice = await invoices.GetAsync(command.InvoiceId, cancellationToken);
        InvoiceStatusMachine.EnsureCanMove(invoice.Status, InvoiceStatus.Open);
        await issuer.FinalizeAsync(invoice, string.IsNullOrWhiteSpace(command.Reason) ? "finalized by an admin" : command.Reason, cancellationToken);
        return invoice.ToDto();
    }
}
