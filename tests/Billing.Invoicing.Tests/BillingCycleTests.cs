using Billing.BuildingBlocks.Domain;
using Billing.Invoicing.Domain.Periods;

namespace Billing.Invoicing.Tests;

/// <summary>INV-1, PLN-4: periods [start, end) at 00:00 UTC from the anchor day.</summary>
public sealed class BillingCycleTests
{
    [Fact]
    public void A_31st_anchor_uses_the_last_day_of_short_months_and_returns_to_the_31st()
    {
        var cycle = BillingCycle.Create(Utc(2028, 1, 31), 31, BillingInterval.Monthly);

        Ends(cycle, 4).ShouldBe([Utc(2028, 2, 29), Utc(2028, 3, 31), Utc(2028, 4, 30), Utc(2028, 5, 31)]);
    }

    [Theory]
    [InlineData(28, 2027, "2027-02-28", "2027-03-28")]
    [InlineData(29, 2027, "2027-02-28", "2027-03-29")]
    [InlineData(30, 2027, "2027-02-28", "2027-03-30")]
    [InlineData(31, 2027, "2027-02-28", "2027-03-31")]
    [InlineData(28, 2028, "2028-02-28", "2028-03-28")]
    [InlineData(29, 2028, "2028-02-29", "2028-03-29")]
    [InlineData(30, 2028, "2028-02-29", "2028-03-30")]
    [InlineData(31, 2028, "2028-02-29", "2028-03-31")]
    public void Anchor_days_28_to_31_across_common_and_leap_Februaries(int anchor, int year, string februaryBoundary, string marchBoundary)
    {
        var cycle = BillingCycle.Create(Utc(year, 1, anchor), anchor, BillingInterval.Monthly);

        var february = cycle.After(cycle.FirstPeriod);

        cycle.FirstPeriod.End.ShouldBe(Date(februaryBoundary));
        february.Start.ShouldBe(Date(februaryBoundary));
        february.End.ShouldBe(Date(marchBoundary));
    }

    [Fact]
    public void The_first_period_starts_at_the_subscription_start_and_ends_at_the_next_anchor()
    {
        var cycle = BillingCycle.Create(new DateTimeOffset(2026, 4, 15, 13, 45, 0, TimeSpan.Zero), 1, BillingInterval.Monthly);

        cycle.FirstPeriod.Start.ShouldBe(Utc(2026, 4, 15));
        cycle.FirstPeriod.End.ShouldBe(Utc(2026, 5, 1));
        cycle.After(cycle.FirstPeriod).End.ShouldBe(Utc(2026, 6, 1));
    }

    [Fact]
    public void The_Kable_example_an_event_at_18_30Z_on_April_30_is_in_April_one_at_04_30Z_on_May_1_in_May()
    {
        var cycle = BillingCycle.Create(Utc(2026, 1, 1), 1, BillingInterval.Monthly);

        var april = cycle.PeriodContaining(new DateTimeOffset(2026, 4, 30, 10, 30, 0, TimeSpan.FromHours(-8)));
        var may = cycle.PeriodContaining(new DateTimeOffset(2026, 4, 30, 21, 30, 0, TimeSpan.FromHours(-7)));

        (april.Start, april.End).ShouldBe((Utc(2026, 4, 1), Utc(2026, 5, 1)));
        (may.Start, may.End).ShouldBe((Utc(2026, 5, 1), Utc(2026, 6, 1)));
    }

    [Fact]
    public void A_yearly_plan_started_on_29_February_renews_on_28_February_in_common_years()
    {
        var cycle = BillingCycle.Create(Utc(2028, 2, 29), 29, BillingInterval.Yearly);

        Ends(cycle, 4).ShouldBe([Utc(2029, 2, 28), Utc(2030, 2, 28), Utc(2031, 2, 28), Utc(2032, 2, 29)]);
    }

    [Fact]
    public void Weekly_and_daily_periods_count_from_the_start()
    {
        Ends(BillingCycle.Create(Utc(2026, 4, 29), 1, BillingInterval.Weekly), 3).ShouldBe([Utc(2026, 5, 6), Utc(2026, 5, 13), Utc(2026, 5, 20)]);
        Ends(BillingCycle.Create(Utc(2026, 2, 28), 1, BillingInterval.Daily), 2).ShouldBe([Utc(2026, 3, 1), Utc(2026, 3, 2)]);
    }

    [Theory]
    [InlineData("Daily", 1)]
    [InlineData("Weekly", 3)]
    [InlineData("Monthly", 31)]
    [InlineData("Monthly", 15)]
    [InlineData("Yearly", 29)]
    public void Periods_tile_time_and_the_one_containing_an_instant_is_the_one_reached_by_stepping(string intervalName, int anchor)
    {
        var interval = Enum.Parse<BillingInterval>(intervalName);
        var random = new Random(anchor * 31 + (int)interval);
        var cycle = BillingCycle.Create(Utc(2027, 1, 29), anchor, interval);
        var walk = new List<(DateTimeOffset Start, DateTimeOffset End)>();
        var period = cycle.FirstPeriod;
        for (var i = 0; i < (interval == BillingInterval.Yearly ? 12 : 400); i++)
        {
            walk.Add((period.Start, period.End));
            var next = cycle.After(period);
            next.Start.ShouldBe(period.End);
            period = next;
        }

        for (var i = 0; i < 300; i++)
        {
            var instant = cycle.Start.AddTicks((long)(random.NextDouble() * (walk[^1].End - cycle.Start).Ticks));
            var containing = cycle.PeriodContaining(instant);
            containing.Contains(instant).ShouldBeTrue();
            walk.ShouldContain((containing.Start, containing.End));
        }
    }

    [Fact]
    public void Nothing_before_the_start_belongs_to_a_period_and_the_anchor_is_1_to_31()
    {
        var cycle = BillingCycle.Create(Utc(2026, 5, 1), 1, BillingInterval.Monthly);

        Should.Throw<BusinessRuleViolation>(() => cycle.PeriodContaining(Utc(2026, 4, 30))).Code.ShouldBe("before_subscription_start");
        Should.Throw<BusinessRuleViolation>(() => BillingCycle.Create(Utc(2026, 5, 1), 32, BillingInterval.Monthly)).Code.ShouldBe("invalid_anchor_day");
        Should.Throw<BusinessRuleViolation>(() => BillingCycle.Create(Utc(2026, 5, 1), 0, BillingInterval.Monthly)).Code.ShouldBe("invalid_anchor_day");
    }

    private static List<DateTimeOffset> Ends(BillingCycle cycle, int count)
    {
        var ends = new List<DateTimeOffset>();
        var period = cycle.FirstPeriod;
        for (var i = 0; i < count; i++)
        {
            ends.Add(period.End);
            period = cycle.After(period);
        }

        return ends;
    }

    private static DateTimeOffset Utc(int year, int month, int day) => new(year, month, day, 0, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset Date(string text) => DateTimeOffset.Parse(text + "T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
}
