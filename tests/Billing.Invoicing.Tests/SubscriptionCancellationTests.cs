using Billing.BuildingBlocks.Domain;
using Billing.BuildingBlocks.Domain.Monetary;
using Billing.BuildingBlocks.Domain.Time;
using Billing.Invoicing.Domain.Periods;
using Billing.Invoicing.Domain.Plans;
using Billing.Invoicing.Domain.Rating;
using Billing.Invoicing.Domain.Subscriptions;

namespace Billing.Invoicing.Tests;

/// <summary>PLN-5: where a cancellation puts the end, which periods are then billed, and how a cut period is prorated.</summary>
public sealed class SubscriptionCancellationTests
{
    private static readonly DateTimeOffset May1 = Utc(2026, 5, 1);
    private static readonly DateTimeOffset June1 = Utc(2026, 6, 1);
    private static readonly Period May = Period.Create(May1, June1);

    [Fact]
    public void Now_cuts_the_running_period_at_the_whole_second_and_nothing_after_it_is_billed()
    {
        var subscription = MonthlyFromMay();
        subscription.Cancel(CancellationTiming.Now, BillingInterval.Monthly, May1.AddDays(19).AddHours(12).AddMilliseconds(750), "moving on");

        var end = May1.AddDays(19).AddHours(12);
        subscription.EndsAt.ShouldBe(end);
        subscription.CancellationReason.ShouldBe("moving on");
        subscription.DuePeriod(BillingInterval.Monthly, cutoff: end.AddSeconds(-1)).ShouldBeNull("the cut period is due once its end is past the cutoff (now − close delay)");
        var final = subscription.DuePeriod(BillingInterval.Monthly, cutoff: end).ShouldNotBeNull();
        (final.Start, final.End).ShouldBe((May1, end));

        subscription.MarkBilled(final, BillingInterval.Monthly);
        subscription.Bills(subscription.UnbilledPeriod()).ShouldBeFalse();
        subscription.UpcomingPeriod(BillingInterval.Monthly, end.AddDays(1)).ShouldBeNull();
        subscription.HasEnded(end).ShouldBeTrue();
        subscription.HasEnded(end.AddTicks(-1)).ShouldBeFalse();
    }

    [Fact]
    public void At_period_end_the_running_period_is_billed_whole_and_no_later_one()
    {
        var subscription = MonthlyFromMay();
        subscription.Cancel(CancellationTiming.PeriodEnd, BillingInterval.Monthly, May1.AddDays(10), "downsizing");

        subscription.EndsAt.ShouldBe(June1);
        subscription.UnbilledPeriod().ShouldBe(May);
        subscription.UpcomingPeriod(BillingInterval.Monthly, May1.AddDays(11)).ShouldBe(May);
        subscription.MarkBilled(May, BillingInterval.Monthly);
        subscription.Bills(subscription.UnbilledPeriod()).ShouldBeFalse();
    }

    [Fact]
    public void The_end_may_move_earlier_but_not_later_and_an_ended_subscription_cannot_be_canceled()
    {
        var subscription = MonthlyFromMay();
        subscription.Cancel(CancellationTiming.PeriodEnd, BillingInterval.Monthly, May1.AddDays(10), "first");
        Should.Throw<BusinessRuleViolation>(() => subscription.Cancel(CancellationTiming.PeriodEnd, BillingInterval.Monthly, May1.AddDays(12), "again"))
            .Code.ShouldBe("subscription_canceled");

        subscription.Cancel(CancellationTiming.Now, BillingInterval.Monthly, May1.AddDays(12), "sooner");
        subscription.EndsAt.ShouldBe(May1.AddDays(12));
        subscription.CancellationReason.ShouldBe("sooner");
        Should.Throw<BusinessRuleViolation>(() => subscription.Cancel(CancellationTiming.Now, BillingInterval.Monthly, May1.AddDays(12), "late"))
            .Code.ShouldBe("subscription_ended");
    }

    [Fact]
    public void Canceled_before_its_start_a_subscription_bills_nothing()
    {
        var subscription = Subscription.Create("cus_1", "pln_1", BillingInterval.Monthly, June1, anchorDay: 1, CollectionMethod.SendInvoice, 30, May1);
        subscription.Cancel(CancellationTiming.Now, BillingInterval.Monthly, May1.AddDays(3), "changed their mind");

        subscription.EndsAt.ShouldBe(June1);
        subscription.Bills(subscription.UnbilledPeriod()).ShouldBeFalse();
        subscription.UpcomingPeriod(BillingInterval.Monthly, May1.AddDays(4)).ShouldBeNull();
    }

    [Fact]
    public void Canceled_while_the_last_period_waits_for_its_close_delay_that_period_stays_whole_and_the_next_is_cut()
    {
        var subscription = MonthlyFromMay();
        subscription.Cancel(CancellationTiming.Now, BillingInterval.Monthly, June1.AddMinutes(30), "closing the account");

        var may = subscription.DuePeriod(BillingInterval.Monthly, June1.AddMinutes(30)).ShouldNotBeNull();
        may.ShouldBe(May);
        subscription.MarkBilled(may, BillingInterval.Monthly);
        var final = subscription.UnbilledPeriod();
        (final.Start, final.End).ShouldBe((June1, June1.AddMinutes(30)));
        subscription.Bills(final).ShouldBeTrue();
    }

    [Fact]
    public void A_cut_period_prorates_the_recurring_fee_and_minimum_by_the_second_but_not_the_setup_fee_or_usage()
    {
        // Cut at 12:00 on 20 May: 19.5 of May's 31 days = 1,684,800 s of 2,678,400 s.
        var cut = Period.Cut(May1, May1.AddDays(19).AddHours(12));
        var proration = Proration.Of(cut, May).ShouldNotBeNull();
        (proration.BilledSeconds, proration.WholeSeconds).ShouldBe((1_684_800L, 2_678_400L));

        var terms = new PlanTerms(Currency.USD, BillingInterval.Monthly, new FixedFees(recurringFee: 30m, setupFee: 100m, minimumCommitment: 50m),
            [UsageCharge.PerUnit("api", 0.25m)]);
        var rated = Rater.Rate(terms, cut, firstPeriod: true, new Dictionary<string, decimal> { ["api"] = 10m }, 0m, proration: proration);

        var lines = rated.Lines.ToDictionary(line => line.Code);
        lines["recurring_fee"].Amount.ShouldBe(18.87m, "30 × 1,684,800 / 2,678,400 = 18.8709…");
        lines["recurring_fee"].Description.ShouldContain("prorated");
        lines["recurring_fee"].Computation.Single().ShouldContain("1684800 s / 2678400 s");
        lines["setup_fee"].Amount.ShouldBe(100m);
        lines["api"].Amount.ShouldBe(2.50m, "10 calls × 0.25, free units and tiers as they are");
        lines["minimum_commitment"].Amount.ShouldBe(28.95m, "50 × 1,684,800 / 2,678,400 = 31.4516… − 2.50 usage = 28.9516…");
        rated.Total.ShouldBe(150.32m);
    }

    [Fact]
    public void A_whole_period_is_not_prorated_and_a_cut_February_of_a_leap_year_counts_29_days()
    {
        Proration.Of(May, May).ShouldBeNull();

        var february = Period.Create(Utc(2028, 2, 1), Utc(2028, 3, 1));
        var proration = Proration.Of(Period.Cut(february.Start, Utc(2028, 2, 15)), february).ShouldNotBeNull();
        proration.Of(29m).ShouldBe(14m);
    }

    [Fact]
    public void A_cut_period_has_whole_second_UTC_bounds_and_names_its_cut_to_the_second()
    {
        Should.Throw<BusinessRuleViolation>(() => Period.Cut(May1, May1.AddMilliseconds(1500))).Code.ShouldBe("invalid_period");
        Should.Throw<BusinessRuleViolation>(() => Period.Cut(May1, new DateTimeOffset(2026, 5, 2, 0, 0, 0, TimeSpan.FromHours(2)))).Code.ShouldBe("invalid_period");
        Should.Throw<BusinessRuleViolation>(() => Period.Cut(May1, May1)).Code.ShouldBe("invalid_period");
        Period.Cut(May1, May1.AddDays(19).AddHours(12)).ToString().ShouldBe("[2026-05-01, 2026-05-20T12:00:00Z)");

        // A subscription ending after a period bills that period itself, uncut.
        var endingLater = MonthlyFromMay();
        endingLater.Cancel(CancellationTiming.PeriodEnd, BillingInterval.Monthly, May1.AddDays(3), "later");
        endingLater.BilledPart(May).ShouldBeSameAs(May);
    }

    private static Subscription MonthlyFromMay() =>
        Subscription.Create("cus_1", "pln_1", BillingInterval.Monthly, May1, anchorDay: 1, CollectionMethod.SendInvoice, 30, May1);

    private static DateTimeOffset Utc(int year, int month, int day) => new(year, month, day, 0, 0, 0, TimeSpan.Zero);
}
