using Billing.BuildingBlocks.Domain.Monetary;
using Billing.BuildingBlocks.Domain.Time;
using Billing.Invoicing.Domain.Periods;
using Billing.Invoicing.Domain.Plans;
using Billing.Invoicing.Domain.Rating;

namespace Billing.Invoicing.Tests;

/// <summary>
/// INV-6 over many generated plans and quantities (seeded, so a failure reproduces): the lines always
/// add up, every line is in whole minor units, rating is deterministic, and graduated pricing never
/// undercuts volume pricing of the same falling tiers.
/// </summary>
public sealed class RatingPropertyTests
{
    private static readonly Period Period = Period.Create(new(2026, 5, 1, 0, 0, 0, TimeSpan.Zero), new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
    private static readonly string[] Currencies = ["USD", "JPY", "KWD", "EUR", "CLF"];

    [Fact]
    public void The_total_is_always_the_sum_of_rounded_lines_and_rating_twice_gives_the_same_lines()
    {
        var random = new Random(20261121);
        for (var run = 0; run < 2_000; run++)
        {
            var terms = RandomTerms(random);
            var usage = terms.Charges.ToDictionary(charge => charge.MeterCode, _ => RandomQuantity(random));
            var tax = random.Next(0, 4) == 0 ? 0m : Math.Round((decimal)random.NextDouble() * 30m, 4);
            var first = random.Next(2) == 0;

            var invoice = Rater.Rate(terms, Period, first, usage, tax);
            var again = Rater.Rate(terms, Period, first, usage, tax);

            invoice.Total.ShouldBe(invoice.Lines.Sum(line => line.Amount));
            invoice.Total.ShouldBe(invoice.Subtotal + invoice.Tax);
            invoice.Lines.ShouldAllBe(line => line.Amount == terms.Currency.Round(line.Amount));
            invoice.Lines.ShouldAllBe(line => line.Amount >= 0m && line.Computation.Count > 0);
            again.Lines.Select(Content).ShouldBe(invoice.Lines.Select(Content), $"run {run}");
            if (terms.Fees.MinimumCommitment > 0m)
            {
                invoice.Lines.Where(line => line.Kind is LineKind.Usage or LineKind.MinimumCommitment).Sum(line => line.Amount)
                    .ShouldBeGreaterThanOrEqualTo(terms.Currency.Round(terms.Fees.MinimumCommitment));
            }
        }
    }

    [Fact]
    public void With_falling_tier_prices_graduated_is_never_less_than_volume()
    {
        var random = new Random(42);
        for (var run = 0; run < 2_000; run++)
        {
            var tiers = RandomTiers(random, falling: true);
            var quantity = RandomQuantity(random);

            var graduated = Rater.RateUsage(UsageCharge.Graduated("m", tiers), quantity, Currency.USD).Amount;
            var volume = Rater.RateUsage(UsageCharge.Volume("m", tiers), quantity, Currency.USD).Amount;

            graduated.ShouldBeGreaterThanOrEqualTo(volume, $"quantity {quantity}, tiers {string.Join("; ", tiers)}");
        }
    }

    [Fact]
    public void More_usage_never_costs_less_under_graduated_per_unit_or_package_pricing()
    {
        var random = new Random(7);
        for (var run = 0; run < 1_000; run++)
        {
            var charge = random.Next(3) switch
            {
                0 => UsageCharge.Graduated("m", RandomTiers(random, falling: random.Next(2) == 0), RandomFree(random)),
                1 => UsageCharge.PerUnit("m", RandomPrice(random), RandomFree(random)),
                _ => UsageCharge.Package("m", random.Next(1, 500), RandomPrice(random) * 100m, RandomFree(random)),
            };
            var less = RandomQuantity(random);
            var more = less + RandomQuantity(random);

            Rater.RateUsage(charge, more, Currency.EUR).Amount.ShouldBeGreaterThanOrEqualTo(Rater.RateUsage(charge, less, Currency.EUR).Amount);
        }
    }

    /// <summary>A line's whole content, its computation included (records compare lists by reference).</summary>
    private static string Content(RatedLine line) =>
        $"{line.Kind}|{line.Code}|{line.Description}|{line.Quantity}|{line.Amount}|{string.Join(" / ", line.Computation)}";

    private static PlanTerms RandomTerms(Random random)
    {
        var charges = Enumerable.Range(0, random.Next(0, 4)).Select(i => (random.Next(4), $"meter{i}")).Select(pick => pick.Item1 switch
        {
            0 => UsageCharge.PerUnit(pick.Item2, RandomPrice(random), RandomFree(random)),
            1 => UsageCharge.Graduated(pick.Item2, RandomTiers(random, random.Next(2) == 0), RandomFree(random)),
            2 => UsageCharge.Volume(pick.Item2, RandomTiers(random, random.Next(2) == 0), RandomFree(random)),
            _ => UsageCharge.Package(pick.Item2, random.Next(1, 1000), RandomPrice(random) * 1000m, RandomFree(random)),
        }).ToList();
        var fees = new FixedFees(
            random.Next(2) == 0 ? 0m : Math.Round((decimal)random.NextDouble() * 500m, 3),
            random.Next(3) == 0 ? Math.Round((decimal)random.NextDouble() * 200m, 2) : 0m,
            random.Next(3) == 0 ? Math.Round((decimal)random.NextDouble() * 1000m, 2) : 0m);
        return new PlanTerms(Currency.FromCode(Currencies[random.Next(Currencies.Length)]), BillingInterval.Monthly, fees, charges);
    }

    private static Tier[] RandomTiers(Random random, bool falling)
    {
        var count = random.Next(1, 5);
        var bound = 0m;
        var price = RandomPrice(random) * 10m;
        var tiers = new Tier[count];
        for (var i = 0; i < count; i++)
        {
            bound += random.Next(1, 10_000);
            price = falling ? Math.Round(price * (decimal)random.NextDouble(), 6) : RandomPrice(random);
            tiers[i] = new Tier(i == count - 1 ? null : bound, price, random.Next(4) == 0 ? random.Next(0, 50) : 0m);
        }

        return falling ? tiers.Select(tier => tier with { FlatFee = 0m }).ToArray() : tiers;
    }

    private static decimal RandomPrice(Random random) => Math.Round((decimal)random.NextDouble(), random.Next(0, 7));

    private static decimal RandomFree(Random random) => random.Next(3) == 0 ? random.Next(0, 1000) : 0m;

    private static decimal RandomQuantity(Random random) => random.Next(5) switch
    {
        0 => 0m,
        1 => random.Next(0, 10),
        2 => Math.Round((decimal)random.NextDouble() * 50_000m, 6),
        _ => random.Next(0, 2_000_000),
    };
}
