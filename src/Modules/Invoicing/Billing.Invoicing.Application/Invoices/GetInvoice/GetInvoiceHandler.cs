using Billing.BuildingBlocks.Application.Errors;
using Billing.Invoicing.Contracts;
using MediatR;

namespace Billing.Invoicing.Application.Invoices.GetInvoice;

internal sealed class GetInvoiceHandler(IInvoiceRepository invoices) : IRequestHandler<GetInvoiceQuery, InvoiceDto>
{
    public async Task<InvoiceDto> Handle(GetInvoiceQuery query, CancellationToken cancellationToken) =>
        (await invoices.ReadAsync(query.InvoiceId, cancellationToken) ?? throw new NotFoundException(InvoiceMapping.AuditEntityType, query.InvoiceId)).ToDto();
}
