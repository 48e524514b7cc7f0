using Billing.BuildingBlocks.Domain;
using Billing.BuildingBlocks.Domain.Time;
using Billing.Invoicing.Domain.Periods;
using Billing.Invoicing.Domain.Rating;
using Billing.Invoicing.Domain.Subscriptions;

namespace Billing.Invoicing.Tests;

/// <summary>PLN-6: how a plan change splits a period into parts, and what each part's fixed fees cover.</summary>
public sealed class PlanChangeTests
{
    private static readonly DateTimeOffset May1 = Utc(2026, 5, 1);
    private static readonly Period May = Period.Create(May1, Utc(2026, 6, 1));

    [Fact]
    public void Changed_now_with_proration_each_plan_rates_and_charges_its_own_part()
    {
        var subscription = OnA();
        subscription.ChangePlan("B", PlanChangeTiming.Now, prorate: true, BillingInterval.Monthly, Utc(2026, 5, 11).AddMilliseconds(400));

        subscription.PlanId.ShouldBe("B");
        subscription.PlanAt(Utc(2026, 5, 10)).ShouldBe("A");
        subscription.PartsOf(May).ShouldBe([
            new PlanPart("A", Period.Cut(May1, Utc(2026, 5, 11)), Period.Cut(May1, Utc(2026, 5, 11))),
            new PlanPart("B", Period.Cut(Utc(2026, 5, 11), May.End), Period.Cut(Utc(2026, 5, 11), May.End)),
        ]);
    }

    [Fact]
    public void Without_proration_the_period_keeps_the_fees_of_the_plan_it_started_on()
    {
        var subscription = OnA();
        subscription.ChangePlan("B", PlanChangeTiming.Now, prorate: false, BillingInterval.Monthly, Utc(2026, 5, 11));

        var parts = subscription.PartsOf(May);
        parts[0].FeeSpan.ShouldBe(May, "A's fees cover the whole period");
        parts[1].FeeSpan.ShouldBeNull();
        Proration.NoFees(May).ChargesNothing.ShouldBeTrue();
    }

    [Fact]
    public void An_upgrade_and_a_downgrade_in_one_leap_year_February_make_three_parts()
    {
        var subscription = Subscription.Create("cus_1", "A", BillingInterval.Monthly, Utc(2028, 2, 1), 1, CollectionMethod.SendInvoice, 30, Utc(2028, 2, 1));
        subscription.ChangePlan("B", PlanChangeTiming.Now, prorate: true, BillingInterval.Monthly, Utc(2028, 2, 10));
        subscription.ChangePlan("A", PlanChangeTiming.Now, prorate: false, BillingInterval.Monthly, Utc(2028, 2, 20));
        var february = Period.Create(Utc(2028, 2, 1), Utc(2028, 3, 1));

        var parts = subscription.PartsOf(february);
        parts.Select(part => part.PlanId).ShouldBe(["A", "B", "A"]);
        Proration.Of(parts[0].FeeSpan!, february)!.Of(29m).ShouldBe(9m, "9 of February 2028's 29 days");
        Proration.Of(parts[1].FeeSpan!, february)!.Of(58m).ShouldBe(40m, "20 of 29 days: B's fees run to the end, the downgrade did not prorate");
        parts[2].FeeSpan.ShouldBeNull();
    }

    [Fact]
    public void At_the_period_end_or_at_00_00_00_of_a_period_no_period_is_split()
    {
        var later = OnA();
        later.ChangePlan("B", PlanChangeTiming.PeriodEnd, prorate: true, BillingInterval.Monthly, Utc(2026, 5, 20));
        later.PlanId.ShouldBe("B");
        later.PartsOf(May).ShouldBe([new PlanPart("A", May, May)]);
        var june = Period.Create(May.End, Utc(2026, 7, 1));
        later.PartsOf(june).ShouldBe([new PlanPart("B", june, june)]);

        var atMidnight = OnA();
        atMidnight.ChangePlan("B", PlanChangeTiming.Now, prorate: true, BillingInterval.Monthly, May.End);
        atMidnight.PartsOf(May).Single().PlanId.ShouldBe("A");
        atMidnight.PartsOf(june).Single().PlanId.ShouldBe("B");
    }

    [Fact]
    public void A_later_change_replaces_a_pending_one_and_going_back_cancels_it()
    {
        var subscription = OnA();
        subscription.ChangePlan("B", PlanChangeTiming.PeriodEnd, prorate: true, BillingInterval.Monthly, Utc(2026, 5, 20));
        subscription.ChangePlan("A", PlanChangeTiming.PeriodEnd, prorate: true, BillingInterval.Monthly, Utc(2026, 5, 21));

        subscription.PlanId.ShouldBe("A");
        subscription.PlanAt(Utc(2026, 6, 2)).ShouldBe("A");
        subscription.PartsOf(Period.Create(May.End, Utc(2026, 7, 1))).Single().PlanId.ShouldBe("A");
        Should.Throw<BusinessRuleViolation>(() => subscription.ChangePlan("A", PlanChangeTiming.Now, prorate: true, BillingInterval.Monthly, Utc(2026, 5, 22)))
            .Code.ShouldBe("same_plan");
    }

    [Fact]
    public void Before_anything_is_billed_the_new_plan_replaces_the_old_and_a_canceled_subscription_keeps_its_plan()
    {
        var trial = Subscription.Create("cus_1", "A", BillingInterval.Monthly, May1, 1, CollectionMethod.SendInvoice, 30, May1, trialDays: 14);
        trial.ChangePlan("B", PlanChangeTiming.Now, prorate: true, BillingInterval.Monthly, Utc(2026, 5, 3));
        trial.Phases.ShouldBeEmpty();
        trial.PartsOf(trial.UnbilledPeriod()).Single().PlanId.ShouldBe("B");

        var canceled = OnA();
        canceled.Cancel(CancellationTiming.PeriodEnd, BillingInterval.Monthly, Utc(2026, 5, 10), "leaving");
        Should.Throw<BusinessRuleViolation>(() => canceled.ChangePlan("B", PlanChangeTiming.Now, prorate: true, BillingInterval.Monthly, Utc(2026, 5, 11)))
            .Code.ShouldBe("subscription_canceled");
    }

    private static Subscription OnA() =>
        Subscription.Create("cus_1", "A", BillingInterval.Monthly, May1, anchorDay: 1, CollectionMethod.SendInvoice, 30, May1);

    private static DateTimeOffset Utc(int year, int month, int day) => new(year, month, day, 0, 0, 0, TimeSpan.Zero);
}
