using Billing.BuildingBlocks.Application.Audit;
using Billing.BuildingBlocks.Application.Errors;
using Billing.BuildingBlocks.Application.Messaging;
using MediatR;

namespace Billing.Invoicing.Application.Invoices.GetInvoiceHistory;

/// <summary>AUD-1: an invoice's history, oldest first: when, which key, what, why.</summary>
internal sealed record GetInvoiceHistoryQuery(string InvoiceId) : IQuery<IReadOnlyList<AuditEntryDto>>;

internal sealed class GetInvoiceHistoryHandler(IInvoiceRepository invoices) : IRequestHandler<GetInvoiceHistoryQuery, IReadOnlyList<AuditEntryDto>>
{
    public async Task<IReadOnlyList<AuditEntryDto>> Handle(GetInvoiceHistoryQuery query, CancellationToken cancellationToken)
    {
        _ = await invoices.ReadAsync(query.InvoiceId, cancellationToken) ?? throw new NotFoundException(InvoiceMapping.AuditEntityType, query.InvoiceId);
        return await invoices.HistoryAsync(query.InvoiceId, cancellationToken);
    }
}
