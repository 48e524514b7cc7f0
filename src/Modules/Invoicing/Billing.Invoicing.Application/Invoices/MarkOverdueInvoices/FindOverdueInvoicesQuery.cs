using Billing.BuildingBlocks.Application.Messaging;

namespace Billing.Invoicing.Application.Invoices.MarkOverdueInvoices;

/// <summary>INV-11: open invoices whose due day is over.</summary>
internal sealed record FindOverdueInvoicesQuery(int Limit) : IQuery<IReadOnlyList<string>>;

internal sealed class FindOverdueInvoicesHandler(IInvoiceRepository invoices, TimeProvider clock) : MediatR.IRequestHandler<FindOverdueInvoicesQuery, IReadOnlyList<string>>
{
    public Task<IReadOnlyList<string>> Handle(FindOverdueInvoicesQuery query, CancellationToken cancellationToken) =>
        invoices.OverdueAsync(clock.GetUtcNow(), query.Limit, cancellationToken);
}
