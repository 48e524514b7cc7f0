using Billing.BuildingBlocks.Application.Audit;
using Billing.BuildingBlocks.Application.Errors;
using Billing.BuildingBlocks.Application.Validation;
using Billing.BuildingBlocks.Domain;
using Billing.Invoicing.Application.Plans;
using Billing.Invoicing.Contracts;
using Billing.Invoicing.Domain.Subscriptions;
using MediatR;

namespace Billing.Invoicing.Application.Subscriptions.ChangePlan;

/// <summary>
/// PLN-6: the new plan must exist and share the subscription's currency and billing interval (a
/// different interval would move the cycle itself). The change is stored in the subscription's row
/// and phases, which the cycle reads again in its transaction, so a cycle running at once rates the
/// period either wholly before the change or with it.
/// </summary>
internal sealed class ChangePlanHandler(ISubscriptionRepository subscriptions, IPlanRepository plans, IAuditTrail audit, TimeProvider clock)
    : IRequestHandler<ChangePlanCommand, SubscriptionDto>
{
    public async Task<SubscriptionDto> Handle(ChangePlanCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var subscription = await subscriptions.FindAsync(command.SubscriptionId, cancellationToken)
            ?? throw new NotFoundException(SubscriptionMapping.AuditEntityType, command.SubscriptionId);
        var current = (await plans.ReadByIdAsync(subscription.PlanId, cancellationToken))!;
        var target = await plans.ReadByCodeAsync(command.PlanCode!, cancellationToken)
            ?? throw FieldError.For("planCode", $"No plan has code '{command.PlanCode}' in this environment.");
        if (target.Currency != current.Currency)
        {
            throw new BusinessRuleViolation("currency_mismatch", $"Plan '{target.Code}' is priced in {target.Currency.Code}; the subscription is billed in {current.Currency.Code}.");
        }

        if (target.Interval != current.Interval)
        {
            throw new BusinessRuleViolation("interval_mismatch",
                $"Plan '{target.Code}' is billed {WireName.Of(target.Interval)}; the subscription's cycle is {WireName.Of(current.Interval)}. Cancel and subscribe anew to change the cycle.");
        }

        var before = subscription.ToDto(await plans.PlanCodesAsync(subscription, cancellationToken), now);
        var prorate = command.Proration is null || WireName.Parse<ProrationBehavior>(command.Proration) == ProrationBehavior.Prorate;
        subscription.ChangePlan(target.Id, WireName.Parse<PlanChangeTiming>(command.At!), prorate, current.Interval, now);

        var after = subscription.ToDto(await plans.PlanCodesAsync(subscription, cancellationToken), now);
        audit.Record(SubscriptionMapping.AuditEntityType, subscription.Id, "plan_changed", AuditChanges.Between(before, after),
            $"to {target.Code} {command.At} ({(prorate ? "prorate" : "none")})");
        return after;
    }
}
