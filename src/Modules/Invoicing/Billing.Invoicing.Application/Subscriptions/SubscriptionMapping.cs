using Billing.BuildingBlocks.Application.Validation;
using Billing.Invoicing.Contracts;
using Billing.Invoicing.Domain.Subscriptions;

namespace Billing.Invoicing.Application.Subscriptions;

internal static class SubscriptionMapping
{
    public const string AuditEntityType = "subscription";

    public static SubscriptionDto ToDto(this Subscription subscription, string planCode) => new(
        subscription.Id,
        subscription.CustomerId,
        planCode,
        subscription.StartDate,
        subscription.AnchorDay,
        WireName.Of(subscription.CollectionMethod),
        subscription.NetTermsDays,
        subscription.CreatedAt,
        subscription.UnbilledPeriodStart,
        subscription.UnbilledPeriodEnd,
        subscription.EndsAt);
}
