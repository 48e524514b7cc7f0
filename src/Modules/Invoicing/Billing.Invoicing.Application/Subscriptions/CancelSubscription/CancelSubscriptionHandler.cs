using Billing.BuildingBlocks.Application.Audit;
using Billing.BuildingBlocks.Application.Errors;
using Billing.BuildingBlocks.Application.Validation;
using Billing.Invoicing.Application.Plans;
using Billing.Invoicing.Contracts;
using Billing.Invoicing.Domain.Subscriptions;
using MediatR;

namespace Billing.Invoicing.Application.Subscriptions.CancelSubscription;

/// <summary>
/// PLN-5: the subscription's end is set in its row, which the scheduler reads again inside each
/// cycle's transaction, so a cancellation and a cycle running at once serialize on that row: the
/// period is invoiced whole or cut, never both.
/// </summary>
internal sealed class CancelSubscriptionHandler(ISubscriptionRepository subscriptions, IPlanRepository plans, IAuditTrail audit, TimeProvider clock)
    : IRequestHandler<CancelSubscriptionCommand, SubscriptionDto>
{
    public async Task<SubscriptionDto> Handle(CancelSubscriptionCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var subscription = await subscriptions.FindAsync(command.SubscriptionId, cancellationToken)
            ?? throw new NotFoundException(SubscriptionMapping.AuditEntityType, command.SubscriptionId);
        var plan = (await plans.ReadByIdAsync(subscription.PlanId, cancellationToken))!;
        var codes = await plans.PlanCodesAsync(subscription, cancellationToken);
        var before = subscription.ToDto(codes, now);
        subscription.Cancel(WireName.Parse<CancellationTiming>(command.At!), plan.Interval, now, command.Reason);

        var after = subscription.ToDto(codes, now);
        audit.Record(SubscriptionMapping.AuditEntityType, subscription.Id, "canceled", AuditChanges.Between(before, after), command.Reason);
        return after;
    }
}
