using Billing.Invoicing.Application.Plans;
using Billing.Invoicing.Contracts;
using MediatR;

namespace Billing.Invoicing.Application.Subscriptions.ListSubscriptions;

internal sealed class ListSubscriptionsHandler(ISubscriptionRepository subscriptions, IPlanRepository plans, TimeProvider clock)
    : IRequestHandler<ListSubscriptionsQuery, IReadOnlyList<SubscriptionDto>>
{
    public async Task<IReadOnlyList<SubscriptionDto>> Handle(ListSubscriptionsQuery query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var codes = (await plans.ListAsync(cancellationToken)).ToDictionary(plan => plan.Id, plan => plan.Code);
        return (await subscriptions.ListAsync(query.Customer, cancellationToken)).Select(subscription => subscription.ToDto(codes, now)).ToList();
    }
}
