using Billing.BuildingBlocks.Domain;
using Billing.BuildingBlocks.Domain.Time;

namespace Billing.BuildingBlocks.Tests;

/// <summary>INV-1: periods are [start, end) at midnight UTC; an event belongs to the period of its UTC instant.</summary>
public sealed class PeriodTests
{
    private static readonly Period April = Period.Create(Utc(2026, 4, 1), Utc(2026, 5, 1));

    [Fact]
    public void The_Kable_example_an_evening_in_California_on_April_30_counts_in_April_or_May_by_its_UTC_instant()
    {
        // As SPEC INV-1 and issue 3 give them: 10:30-08:00 is 18:30Z; 21:30-07:00 (Pacific daylight time) is 04:30Z.
        var morningPst = new DateTimeOffset(2026, 4, 30, 10, 30, 0, TimeSpan.FromHours(-8));
        var eveningPst = new DateTimeOffset(2026, 4, 30, 21, 30, 0, TimeSpan.FromHours(-7));

        April.Contains(morningPst).ShouldBeTrue();
        morningPst.ToUtc().ShouldBe(new DateTimeOffset(2026, 4, 30, 18, 30, 0, TimeSpan.Zero));
        April.Contains(eveningPst).ShouldBeFalse();
        eveningPst.ToUtc().ShouldBe(new DateTimeOffset(2026, 5, 1, 4, 30, 0, TimeSpan.Zero));
    }

    [Fact]
    public void The_start_is_inside_and_the_end_is_outside()
    {
        April.Contains(Utc(2026, 4, 1)).ShouldBeTrue();
        April.Contains(Utc(2026, 5, 1).AddTicks(-1)).ShouldBeTrue();
        April.Contains(Utc(2026, 5, 1)).ShouldBeFalse();
        April.Length.ShouldBe(TimeSpan.FromDays(30));
    }

    [Fact]
    public void Bounds_must_be_midnight_in_UTC()
    {
        Should.Throw<BusinessRuleViolation>(() => Period.Create(Utc(2026, 4, 1).AddHours(1), Utc(2026, 5, 1))).Code.ShouldBe("invalid_period");
        Should.Throw<BusinessRuleViolation>(() => Period.Create(new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.FromHours(-7)), Utc(2026, 5, 1)))
            .Code.ShouldBe("invalid_period");
    }

    [Fact]
    public void A_period_must_end_after_it_starts()
    {
        Should.Throw<BusinessRuleViolation>(() => Period.Create(Utc(2026, 5, 1), Utc(2026, 5, 1))).Code.ShouldBe("invalid_period");
        Should.Throw<BusinessRuleViolation>(() => Period.Create(Utc(2026, 5, 1), Utc(2026, 4, 1))).Code.ShouldBe("invalid_period");
    }

    [Fact]
    public void The_UTC_day_of_an_instant_starts_at_its_UTC_midnight() =>
        new DateTimeOffset(2026, 4, 30, 21, 30, 0, TimeSpan.FromHours(-8)).StartOfUtcDay().ShouldBe(Utc(2026, 5, 1));

    private static DateTimeOffset Utc(int year, int month, int day) => new(year, month, day, 0, 0, 0, TimeSpan.Zero);
}
