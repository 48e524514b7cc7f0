using Billing.BuildingBlocks.Domain;
using Billing.BuildingBlocks.Domain.Monetary;
using Billing.Invoicing.Domain.Periods;
using Billing.Invoicing.Domain.Plans;

namespace Billing.Invoicing.Tests;

/// <summary>PLN-7: which version is in force once a correction dated in the past is added, and which corrections are refused.</summary>
public sealed class PlanCorrectionTests
{
    private static readonly DateTimeOffset Created = new(2026, 4, 30, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_correction_is_in_force_from_its_date_until_the_next_dated_version_and_replaces_a_version_of_the_same_date()
    {
        var plan = PerCall(0.10m);
        var july = plan.AddVersion(FixedFees.None, [UsageCharge.PerUnit("calls", 0.12m)], Utc(2026, 7, 1), Utc(2026, 6, 1));
        var may = plan.AddCorrection(FixedFees.None, [UsageCharge.PerUnit("calls", 0.08m)], Utc(2026, 5, 1), "contract rate is 0.08", Utc(2026, 6, 5));

        (may.Number, may.IsCorrection, may.CorrectionReason).ShouldBe((3, true, "contract rate is 0.08"));
        plan.VersionAt(Utc(2026, 4, 30)).Number.ShouldBe(1);
        plan.VersionAt(Utc(2026, 5, 1)).Number.ShouldBe(3);
        plan.VersionAt(Utc(2026, 6, 30)).Number.ShouldBe(3);
        plan.VersionAt(Utc(2026, 7, 1)).Number.ShouldBe(2);
        plan.CurrentVersion.ShouldBe(july);

        // Once July is past, a correction of July's own date replaces it from then on.
        var fixedJuly = plan.AddCorrection(FixedFees.None, [UsageCharge.PerUnit("calls", 0.11m)], Utc(2026, 7, 1), "July's rate was mistyped", Utc(2026, 7, 20));
        plan.VersionAt(Utc(2026, 7, 1)).ShouldBe(fixedJuly);
        plan.CurrentVersion.ShouldBe(fixedJuly);
        plan.VersionAt(Utc(2026, 6, 1)).Number.ShouldBe(3);
    }

    [Fact]
    public void A_correction_is_dated_in_the_past_but_not_before_the_plan_and_a_plain_version_never_in_the_past()
    {
        var plan = PerCall(0.10m);
        var now = Utc(2026, 6, 5);
        Should.Throw<BusinessRuleViolation>(() => plan.AddCorrection(FixedFees.None, [UsageCharge.PerUnit("calls", 0.08m)], now, "today", now))
            .Code.ShouldBe("correction_not_in_past");
        Should.Throw<BusinessRuleViolation>(() => plan.AddCorrection(FixedFees.None, [UsageCharge.PerUnit("calls", 0.08m)], Utc(2026, 4, 1), "too early", now))
            .Code.ShouldBe("correction_before_plan");
        Should.Throw<BusinessRuleViolation>(() => plan.AddVersion(FixedFees.None, [UsageCharge.PerUnit("calls", 0.08m)], Utc(2026, 5, 1), now))
            .Code.ShouldBe("effective_date_in_past");
        plan.Versions.Count.ShouldBe(1);
    }

    private static Plan PerCall(decimal price) =>
        Plan.Create("usage", "Usage", Currency.USD, BillingInterval.Monthly, FixedFees.None, [UsageCharge.PerUnit("calls", price)], Created);

    private static DateTimeOffset Utc(int year, int month, int day) => new(year, month, day, 0, 0, 0, TimeSpan.Zero);
}
