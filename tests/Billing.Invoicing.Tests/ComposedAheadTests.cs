using Billing.BuildingBlocks.Domain;
using Billing.BuildingBlocks.Domain.Monetary;
using Billing.BuildingBlocks.Domain.Time;
using Billing.Invoicing.Application.Invoices.Composing;
using Billing.Invoicing.Domain.Periods;
using Billing.Invoicing.Domain.Plans;
using Billing.Invoicing.Domain.Subscriptions;

namespace Billing.Invoicing.Tests;

/// <summary>
/// INV-2, docs-adr/0027: a draft composed ahead of its batch's transaction is used only for the
/// subscription, plan version and period it was composed for; anything else is composed again.
/// </summary>
public sealed class ComposedAheadTests
{
    private static readonly DateTimeOffset Created = new(2026, 4, 30, 12, 0, 0, TimeSpan.Zero);
    private static readonly Period May = Period.Create(new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
    private static readonly Period June = Period.Create(May.End, new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void The_same_subscription_plan_version_and_period_get_what_was_composed()
    {
        var (subscription, plan) = SubscriptionOnPlan();
        var composed = new ComposedInvoice(1, [], plan.Id, plan.Code);
        var ahead = ComposedAhead.Of([Request(subscription, plan, May)], [composed]);

        ahead.Find(Request(subscription, plan, May)).ShouldBeSameAs(composed);
    }

    [Fact]
    public void Another_period_or_subscription_is_composed_again()
    {
        var (subscription, plan) = SubscriptionOnPlan();
        var (other, _) = SubscriptionOnPlan();
        var ahead = ComposedAhead.Of([Request(subscription, plan, May)], [new ComposedInvoice(1, [], plan.Id, plan.Code)]);

        ahead.Find(Request(subscription, plan, June)).ShouldBeNull();
        ahead.Find(Request(other, plan, May)).ShouldBeNull();
        ahead.Find(Request(subscription, plan, May, usageEnd: May.End.AddHours(-1))).ShouldBeNull();
        ComposedAhead.None.Find(Request(subscription, plan, May)).ShouldBeNull();
    }

    [Fact]
    public void A_plan_version_that_took_effect_for_the_period_since_is_composed_again()
    {
        var (subscription, plan) = SubscriptionOnPlan();
        var ahead = ComposedAhead.Of([Request(subscription, plan, June)], [new ComposedInvoice(1, [], plan.Id, plan.Code)]);

        plan.AddVersion(new FixedFees(recurringFee: 20m), [], effectiveFrom: June.Start, now: Created.AddDays(1));

        ahead.Find(Request(subscription, plan, June)).ShouldBeNull();
    }

    private static (Subscription Subscription, Plan Plan) SubscriptionOnPlan()
    {
        var plan = Plan.Create("usage", "Usage", Currency.USD, BillingInterval.Monthly, new FixedFees(recurringFee: 10m), [], Created);
        var subscription = Subscription.Create("cus_1", plan.Id, BillingInterval.Monthly, May.Start, anchorDay: 1, CollectionMethod.SendInvoice, netTermsDays: 30, Created);
        return (subscription, plan);
    }

    private static ComposeRequest Request(Subscription subscription, Plan plan, Period period, DateTimeOffset? usageEnd = null) =>
        new(subscription, plan, period, usageEnd ?? period.End, TimeSpan.FromDays(3), new HashSet<string>());
}
