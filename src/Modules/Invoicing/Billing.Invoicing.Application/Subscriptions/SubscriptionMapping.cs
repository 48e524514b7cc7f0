using Billing.BuildingBlocks.Application.Validation;
using Billing.Invoicing.Contracts;
using Billing.Invoicing.Domain.Subscriptions;

namespace Billing.Invoicing.Application.Subscriptions;

internal static class SubscriptionMapping
{
    public const string AuditEntityType = "subscription";

    /// <param name="now">The instant the status is for: canceled once the end has passed.</param>
    public static SubscriptionDto ToDto(this Subscription subscription, string planCode, DateTimeOffset now) => new(
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
        subscription.EndsAt,
        subscription.HasEnded(now) ? "canceled" : "active",
        subscription.CanceledAt,
        subscription.CancellationReason,
        subscription.TrialEndsAt);
}
