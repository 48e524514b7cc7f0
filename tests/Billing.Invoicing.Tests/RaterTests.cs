using Billing.BuildingBlocks.Domain;
using Billing.BuildingBlocks.Domain.Monetary;
using Billing.BuildingBlocks.Domain.Time;
using Billing.Invoicing.Domain.Periods;
using Billing.Invoicing.Domain.Plans;
using Billing.Invoicing.Domain.Rating;

namespace Billing.Invoicing.Tests;

/// <summary>INV-6, PLN-1, PLN-2: every charge model at its edges, fixed fees, tax and rounding.</summary>
public sealed class RaterTests
{
    private static readonly Period May = Period.Create(new(2026, 5, 1, 0, 0, 0, TimeSpan.Zero), new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));

    // 0–100 at 0.10, 100–1,000 at 0.08, above at 0.05.
    private static readonly Tier[] FallingTiers = [new(100m, 0.10m), new(1000m, 0.08m), new(null, 0.05m)];

    [Theory]
    [InlineData("0", "0")]
    [InlineData("1", "0.10")]
    [InlineData("100", "10.00")]
    [InlineData("101", "10.08")]
    [InlineData("1000", "82.00")]
    [InlineData("1001", "82.05")]
    [InlineData("2500", "157.00")]
    public void Graduated_prices_each_tier_s_own_units(string quantity, string amount) =>
        Rate(UsageCharge.Graduated("api", FallingTiers), quantity).ShouldBe(Dec(amount));

    [Theory]
    [InlineData("0", "0")]
    [InlineData("100", "10.00")]
    [InlineData("101", "8.08")]
    [InlineData("1000", "80.00")]
    [InlineData("1001", "50.05")]
    public void Volume_prices_every_unit_at_the_tier_reached(string quantity, string amount) =>
        Rate(UsageCharge.Volume("api", FallingTiers), quantity).ShouldBe(Dec(amount));

    [Theory]
    [InlineData("0", "0")]
    [InlineData("1", "5.00")]
    [InlineData("1000", "5.00")]
    [InlineData("1001", "10.00")]
    [InlineData("2000", "10.00")]
    public void Package_prices_every_started_block(string quantity, string amount) =>
        Rate(UsageCharge.Package("api", 1000m, 5m), quantity).ShouldBe(Dec(amount));

    [Theory]
    [InlineData("0", "0")]
    [InlineData("50", "0")]
    [InlineData("100", "0")]
    [InlineData("101", "0.25")]
    [InlineData("140", "10.00")]
    public void Free_units_come_off_before_the_price(string quantity, string amount) =>
        Rate(UsageCharge.PerUnit("api", 0.25m, freeUnits: 100m), quantity).ShouldBe(Dec(amount));

    [Fact]
    public void Free_units_come_off_before_tiers_and_packages_too()
    {
        Rate(UsageCharge.Graduated("api", FallingTiers, freeUnits: 50m), "150").ShouldBe(10.00m);
        Rate(UsageCharge.Volume("api", FallingTiers, freeUnits: 50m), "151").ShouldBe(8.08m);
        Rate(UsageCharge.Package("api", 10m, 1m, freeUnits: 5m), "16").ShouldBe(2.00m);
    }

    [Fact]
    public void A_tier_s_flat_fee_is_charged_once_when_the_tier_is_reached()
    {
        var tiers = new Tier[] { new(10m, 1m, FlatFee: 5m), new(null, 0.5m, FlatFee: 20m) };

        Rate(UsageCharge.Graduated("api", tiers), "10").ShouldBe(15m);
        Rate(UsageCharge.Graduated("api", tiers), "12").ShouldBe(36m);
        Rate(UsageCharge.Volume("api", tiers), "12").ShouldBe(26m);
    }

    [Fact]
    public void A_sub_cent_unit_price_times_a_large_quantity_is_rounded_once()
    {
        var line = Rater.RateUsage(UsageCharge.PerUnit("api", 0.0004m), 1_234_567m, Currency.USD);

        line.Amount.ShouldBe(493.83m);
        line.Computation.ShouldBe(["1234567 × 0.0004", "493.8268 → 493.83 USD"]);
    }

    [Theory]
    [InlineData("JPY", "1234.5", "1235")]
    [InlineData("JPY", "1234.49", "1234")]
    [InlineData("KWD", "1.2345", "1.235")]
    [InlineData("USD", "2.345", "2.35")]
    public void Lines_round_to_the_currency_s_minor_unit_half_away_from_zero(string currency, string price, string amount) =>
        Rater.RateUsage(UsageCharge.PerUnit("api", Dec(price)), 1m, Currency.FromCode(currency)).Amount.ShouldBe(Dec(amount));

    [Fact]
    public void The_setup_fee_is_on_the_first_invoice_only()
    {
        var terms = Terms(new FixedFees(recurringFee: 49m, setupFee: 100m));

        Rater.Rate(terms, May, firstPeriod: true, NoUsage, 0m).Lines.Select(line => line.Code).ShouldBe(["recurring_fee", "setup_fee", "api"]);
        Rater.Rate(terms, May, firstPeriod: false, NoUsage, 0m).Lines.Select(line => line.Code).ShouldBe(["recurring_fee", "api"]);
    }

    [Fact]
    public void Usage_below_the_minimum_commitment_is_topped_up_and_usage_above_it_is_not()
    {
        var terms = Terms(new FixedFees(recurringFee: 10m, minimumCommitment: 50m));

        var below = Rater.Rate(terms, May, false, Usage(120m), 0m);
        below.Lines.Single(line => line.Kind == LineKind.MinimumCommitment).Amount.ShouldBe(20m);
        below.Total.ShouldBe(60m);

        var above = Rater.Rate(terms, May, false, Usage(300m), 0m);
        above.Lines.ShouldNotContain(line => line.Kind == LineKind.MinimumCommitment);
        above.Total.ShouldBe(85m);
    }

    [Fact]
    public void Tax_is_the_customer_s_rate_over_the_taxable_subtotal_and_lines_add_up_to_the_total()
    {
        var terms = Terms(new FixedFees(recurringFee: 19.99m));

        var invoice = Rater.Rate(terms, May, false, Usage(333m), 8.25m);

        invoice.Subtotal.ShouldBe(103.24m);
        invoice.Lines.Single(line => line.Kind == LineKind.Tax).Amount.ShouldBe(8.52m);
        invoice.Tax.ShouldBe(8.52m);
        invoice.Total.ShouldBe(111.76m);
        invoice.Total.ShouldBe(invoice.Lines.Sum(line => line.Amount));
    }

    [Fact]
    public void A_meter_without_usage_is_still_listed_at_zero()
    {
        var line = Rater.Rate(Terms(FixedFees.None), May, false, NoUsage, 0m).Lines.Single();

        (line.Code, line.Quantity, line.Amount).ShouldBe(("api", 0m, 0m));
    }

    [Theory]
    [InlineData("bounds must rise")]
    [InlineData("last tier unbounded")]
    [InlineData("negative price")]
    [InlineData("empty package")]
    public void Inconsistent_charges_are_refused(string problem)
    {
        Action build = problem switch
        {
            "bounds must rise" => () => UsageCharge.Graduated("api", [new(100m, 1m), new(50m, 1m), new(null, 1m)]),
            "last tier unbounded" => () => UsageCharge.Volume("api", [new(100m, 1m)]),
            "negative price" => () => UsageCharge.PerUnit("api", -0.01m),
            _ => () => UsageCharge.Package("api", 0m, 1m),
        };

        Should.Throw<BusinessRuleViolation>(build).Code.ShouldBe("invalid_charge");
    }

    private static readonly IReadOnlyDictionary<string, decimal> NoUsage = new Dictionary<string, decimal>();

    private static IReadOnlyDictionary<string, decimal> Usage(decimal calls) => new Dictionary<string, decimal> { ["api"] = calls };

    /// <summary>A plan with one per-unit charge of 0.25 per API call.</summary>
    private static PlanTerms Terms(FixedFees fees) =>
        new(Currency.USD, BillingInterval.Monthly, fees, [UsageCharge.PerUnit("api", 0.25m)]);

    private static decimal Rate(UsageCharge charge, string quantity) =>
        Rater.RateUsage(charge, Dec(quantity), Currency.USD).Amount;

    private static decimal Dec(string value) => decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
}
