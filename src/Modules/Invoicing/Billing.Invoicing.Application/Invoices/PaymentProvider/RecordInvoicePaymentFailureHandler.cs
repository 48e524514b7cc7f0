using Billing.Invoicing.Contracts;
using MediatR;

namespace Billing.Invoicing.Application.Invoices.PaymentProvider;

/// <summary>PAY-5: the invoice stays owed and remembers why collecting it failed.</summary>
internal sealed class RecordInvoicePaymentFailureHandler(IInvoiceRepository invoices) : IRequestHandler<RecordInvoicePaymentFailureCommand, InvoiceDto>
{
    public async Task<InvoiceDto> Handle(RecordInvoicePaymentFailureCommand command, CancellationToken cancellationToken)
    {
        var invoice = await invoices.GetAsync(command.InvoiceId, cancellationToken);
        invoice.RecordPaymentFailure(command.Reason, command.Message, command.FailedAt.ToUniversalTime());
        return invoice.ToDto();
    }
}
