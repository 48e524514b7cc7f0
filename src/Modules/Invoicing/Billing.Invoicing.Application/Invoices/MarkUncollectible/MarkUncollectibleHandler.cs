using Billing.Invoicing.Contracts;
using MediatR;

namespace Billing.Invoicing.Application.Invoices.MarkUncollectible;

internal sealed class MarkUncollectibleHandler(IInvoiceRepository invoices, TimeProvider clock) : IRequestHandler<MarkUncollectibleCommand, InvoiceDto>
{
    public async Task<InvoiceDto> Handle(MarkUncollectibleCommand command, CancellationToken cancellationToken)
    {
        var invoice = await invoices.GetAsync(command.InvoiceId, cancellationToken);
        invoice.MarkUncollectible(clock.GetUtcNow(), command.Reason!);
        return invoice.ToDto();
    }
}
