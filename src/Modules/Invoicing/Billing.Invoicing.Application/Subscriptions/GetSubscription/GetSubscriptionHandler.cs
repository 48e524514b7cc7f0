using Billing.BuildingBlocks.Application.Errors;
using Billing.Invoicing.Application.Plans;
using Billing.Invoicing.Contracts;
using MediatR;

namespace Billing.Invoicing.Application.Subscriptions.GetSubscription;

internal sealed class GetSubscriptionHandler(ISubscriptionRepository subscriptions, IPlanRepository plans, TimeProvider clock)
    : IRequestHandler<GetSubscriptionQuery, SubscriptionDto>
{
    public async Task<SubscriptionDto> Handle(GetSubscriptionQuery query, CancellationToken cancellationToken)
    {
        var subscription = await subscriptions.ReadAsync(query.Id, cancellationToken)
            ?? throw new NotFoundException(SubscriptionMapping.AuditEntityType, query.Id);
        return subscription.ToDto(await plans.PlanCodesAsync(subscription, cancellationToken), clock.GetUtcNow());
    }
}
