using Billing.BuildingBlocks.Application.Messaging;

namespace Billing.Invoicing.Application.Invoices.FinalizeDueInvoices;

/// <summary>INV-3: drafts whose grace period is over.</summary>
internal sealed record FindDueDraftsQuery(int Limit) : IQuery<IReadOnlyList<string>>;

internal sealed class FindDueDraftsHandler(IInvoiceRepository invoices, TimeProvider clock) : MediatR.IRequestHandler<FindDueDraftsQuery, IReadOnlyList<string>>
{
    public Task<IReadOnlyList<string>> Handle(FindDueDraftsQuery query, CancellationToken cancellationToken) =>
        invoices.DraftsDueAsync(clock.GetUtcNow(), query.Limit, cancellationToken);
}
