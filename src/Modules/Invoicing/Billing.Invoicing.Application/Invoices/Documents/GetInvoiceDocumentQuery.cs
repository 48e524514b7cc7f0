using Billing.BuildingBlocks.Application.Errors;
using Billing.BuildingBlocks.Application.Messaging;
using Billing.BuildingBlocks.Domain;
using Billing.Invoicing.Contracts;
using Billing.Invoicing.Domain.Invoices;
using MediatR;

namespace Billing.Invoicing.Application.Invoices.Documents;

/// <summary>INV-14: a finalized invoice as a PDF, or (<see cref="Receipt"/>) the receipt of a paid one.</summary>
internal sealed record GetInvoiceDocumentQuery(string InvoiceId, bool Receipt) : IQuery<InvoiceDocumentDto>;

internal sealed class GetInvoiceDocumentHandler(IInvoiceRepository invoices, IInvoiceDocuments documents) : IRequestHandler<GetInvoiceDocumentQuery, InvoiceDocumentDto>
{
    public async Task<InvoiceDocumentDto> Handle(GetInvoiceDocumentQuery query, CancellationToken cancellationToken)
    {
        var invoice = await invoices.ReadAsync(query.InvoiceId, cancellationToken)
            ?? throw new NotFoundException(InvoiceMapping.AuditEntityType, query.InvoiceId);
        if (invoice.Number is null)
        {
            throw new BusinessRuleViolation("invoice_not_finalized", $"Invoice {invoice.Id} is a draft; it has a PDF once it is finalized.");
        }

        if (query.Receipt && invoice.Status != InvoiceStatus.Paid)
        {
            throw new BusinessRuleViolation("invoice_not_paid", $"Invoice {invoice.Number} is {InvoiceStatusMachine.Name(invoice.Status)}; a receipt exists once it is paid.");
        }

        var dto = invoice.ToDto();
        return query.Receipt
            ? new InvoiceDocumentDto($"receipt-{invoice.Number}.pdf", documents.Receipt(dto))
            : new InvoiceDocumentDto($"{invoice.Number}.pdf", documents.Invoice(dto));
    }
}
