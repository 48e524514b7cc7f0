using Billing.BuildingBlocks.Domain;
using Billing.BuildingBlocks.Domain.Time;
using Billing.Invoicing.Domain.Periods;
using Billing.Invoicing.Domain.Rating;
using Billing.Invoicing.Domain.Subscriptions;

namespace Billing.Invoicing.Tests;

/// <summary>PLN-4 trials: nothing is billed before the trial ends; the first period billed starts there and is prorated.</summary>
public sealed class TrialTests
{
    private static readonly DateTimeOffset May1 = Utc(2026, 5, 1);

    [Fact]
    public void A_trial_ending_inside_the_first_period_leaves_the_rest_of_it_to_bill_prorated_with_the_setup_fee()
    {
        var subscription = Monthly(trialDays: 14);
        subscription.TrialEndsAt.ShouldBe(Utc(2026, 5, 15));
        var first = subscription.UnbilledPeriod();
        (first.Start, first.End).ShouldBe((Utc(2026, 5, 15), Utc(2026, 6, 1)));
        subscription.IsFirstBilled(first).ShouldBeTrue();

        var whole = subscription.CycleFor(BillingInterval.Monthly).PeriodContaining(first.Start);
        var proration = Proration.Of(first, whole).ShouldNotBeNull();
        proration.Of(30m).ShouldBe(30m * 17 / 31, "17 of May's 31 days");

        subscription.MarkBilled(first, BillingInterval.Monthly);
        subscription.UnbilledPeriod().ShouldBe(Period.Create(Utc(2026, 6, 1), Utc(2026, 7, 1)));
        subscription.IsFirstBilled(subscription.UnbilledPeriod()).ShouldBeFalse();
    }

    [Fact]
    public void A_trial_longer_than_a_period_skips_it_and_one_ending_on_a_boundary_bills_a_whole_period()
    {
        var long45 = Monthly(trialDays: 45);
        (long45.UnbilledPeriodStart, long45.UnbilledPeriodEnd).ShouldBe((Utc(2026, 6, 15), Utc(2026, 7, 1)));
        long45.BilledPart(Period.Create(May1, Utc(2026, 6, 1))).ShouldBeNull("May is all trial");

        var exact = Monthly(trialDays: 31);
        exact.UnbilledPeriod().ShouldBe(Period.Create(Utc(2026, 6, 1), Utc(2026, 7, 1)));
        exact.IsFirstBilled(exact.UnbilledPeriod()).ShouldBeTrue();
    }

    [Fact]
    public void Canceled_in_the_trial_at_the_period_end_it_ends_with_the_trial_and_nothing_is_billed()
    {
        var subscription = Monthly(trialDays: 45);
        subscription.Cancel(CancellationTiming.PeriodEnd, BillingInterval.Monthly, Utc(2026, 5, 20), "not convinced");

        subscription.EndsAt.ShouldBe(Utc(2026, 6, 15));
        subscription.Bills(subscription.UnbilledPeriod()).ShouldBeFalse();
        subscription.UpcomingPeriod(BillingInterval.Monthly, Utc(2026, 5, 21)).ShouldBeNull();
    }

    [Fact]
    public void A_trial_is_zero_to_730_days() =>
        Should.Throw<BusinessRuleViolation>(() => Monthly(trialDays: 731)).Code.ShouldBe("invalid_trial");

    private static Subscription Monthly(int trialDays) =>
        Subscription.Create("cus_1", "pln_1", BillingInterval.Monthly, May1, anchorDay: 1, CollectionMethod.SendInvoice, 30, May1, trialDays);

    private static DateTimeOffset Utc(int year, int month, int day) => new(year, month, day, 0, 0, 0, TimeSpan.Zero);
}
