using Billing.BuildingBlocks.Application.Validation;
using Billing.Invoicing.Application.Plans;
using Billing.Invoicing.Contracts;
using Billing.Invoicing.Domain.Subscriptions;

namespace Billing.Invoicing.Application.Subscriptions;

internal static class SubscriptionMapping
{
    public const string AuditEntityType = "subscription";

    /// <param name="planCodes">The code of every plan the subscription has been on, by plan id.</param>
    /// <param name="now">The instant the status is for: canceled once the end has passed.</param>
    public static SubscriptionDto ToDto(this Subscription subscription, IReadOnlyDictionary<string, string> planCodes, DateTimeOffset now) => new(
        subscription.Id,
        subscription.CustomerId,
        planCodes[subscription.PlanId],
        subscription.StartDate,
        subscription.AnchorDay,
        WireName.Of(subscription.CollectionMethod),
        subscription.NetTermsDays,
        subscription.CreatedAt,
        subscription.UnbilledPeriodStart,
        subscription.UnbilledPeriodEnd,
        subscription.EndsAt,
        subscription.HasEnded(now) ? "canceled" : "active",
        subscription.CanceledAt,
        subscription.CancellationReason,
        subscription.TrialEndsAt,
        subscription.Phases.OrderBy(phase => phase.StartsAt).ThenBy(phase => phase.Number)
            .Select(phase => new PlanPhaseDto(planCodes[phase.PlanId], phase.StartsAt, phase.Prorate ? "prorate" : "none")).ToList());

    /// <summary>The codes of the plans a subscription has been on, each plan read once per unit of work.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> PlanCodesAsync(this IPlanRepository plans, Subscription subscription, CancellationToken cancellationToken)
    {
        var codes = new Dictionary<string, string>();
        foreach (var planId in subscription.Phases.Select(phase => phase.PlanId).Append(subscription.PlanId).Distinct())
        {
            codes[planId] = (await plans.ReadByIdAsync(planId, cancellationToken))!.Code;
        }

        return codes;
    }
}
