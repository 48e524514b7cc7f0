using Billing.BuildingBlocks.Application.Audit;
using Billing.BuildingBlocks.Application.Errors;
using Billing.BuildingBlocks.Application.Messaging;
using MediatR;

namespace Billing.Invoicing.Application.Subscriptions.GetSubscriptionHistory;

/// <summary>AUD-1: a subscription's history, oldest first (its creation, its cancellation and why).</summary>
internal sealed record GetSubscriptionHistoryQuery(string SubscriptionId) : IQuery<IReadOnlyList<AuditEntryDto>>;

internal sealed class GetSubscriptionHistoryHandler(ISubscriptionRepository subscriptions) : IRequestHandler<GetSubscriptionHistoryQuery, IReadOnlyList<AuditEntryDto>>
{
    public async Task<IReadOnlyList<AuditEntryDto>> Handle(GetSubscriptionHistoryQuery query, CancellationToken cancellationToken)
    {
        _ = await subscriptions.ReadAsync(query.SubscriptionId, cancellationToken)
            ?? throw new NotFoundException(SubscriptionMapping.AuditEntityType, query.SubscriptionId);
        return await subscriptions.HistoryAsync(query.SubscriptionId, cancellationToken);
    }
}
