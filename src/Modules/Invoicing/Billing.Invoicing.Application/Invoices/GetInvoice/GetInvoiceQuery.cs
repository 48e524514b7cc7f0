using Billing.BuildingBlocks.Application.Errors;
using Billing.BuildingBlocks.Application.Messaging;
using Billing.Invoicing.Contracts;
using MediatR;

namespace Billing.Invoicing.Application.Invoices.GetInvoice;

/// <summary>INV-13: an invoice with its lines.</summary>
internal sealed record GetInvoiceQuery(string InvoiceId) : IQuery<InvoiceDto>;

internal sealed class GetInvoiceHandler(IInvoiceRepository invoices) : IRequestHandler<GetInvoiceQuery, InvoiceDto>
{
    public async Task<InvoiceDto> Handle(GetInvoiceQuery query, CancellationToken cancellationToken) =>
        (await invoices.ReadAsync(query.InvoiceId, cancellationToken) ?? throw new NotFoundException(InvoiceMapping.AuditEntityType, query.InvoiceId)).ToDto();
}
