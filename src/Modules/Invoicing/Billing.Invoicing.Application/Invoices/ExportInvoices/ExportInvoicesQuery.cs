using Billing.BuildingBlocks.Application.Messaging;
using Billing.Invoicing.Application.Invoices.ListInvoices;
using Billing.Invoicing.Contracts;
using MediatR;

namespace Billing.Invoicing.Application.Invoices.ExportInvoices;

/// <summary>
/// INV-13: every invoice the list's filters select, newest first, streamed row by row: an export of
/// any size never sits in memory. Validated like the list (<see cref="ListInvoicesValidator"/>).
/// </summary>
internal sealed record ExportInvoicesQuery(ListInvoicesQuery Filters) : IQuery<IAsyncEnumerable<InvoiceSummaryDto>>;

internal sealed class ExportInvoicesValidator : FluentValidation.AbstractValidator<ExportInvoicesQuery>
{
    public ExportInvoicesValidator() => RuleFor(query => query.Filters).SetValidator(new ListInvoicesValidator());
}

internal sealed class ExportInvoicesHandler(IInvoiceListReader invoices) : IRequestHandler<ExportInvoicesQuery, IAsyncEnumerable<InvoiceSummaryDto>>
{
    public Task<IAsyncEnumerable<InvoiceSummaryDto>> Handle(ExportInvoicesQuery query, CancellationToken cancellationToken) =>
        Task.FromResult(Rows(query, cancellationToken));

    private async IAsyncEnumerable<InvoiceSummaryDto> Rows(ExportInvoicesQuery query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in invoices.StreamAsync(query.Filters, cancellationToken))
        {
            yield return row.ToDto();
        }
    }
}
