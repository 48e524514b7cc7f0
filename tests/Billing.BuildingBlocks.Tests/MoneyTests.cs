using Billing.BuildingBlocks.Domain;
using Billing.BuildingBlocks.Domain.Monetary;

namespace Billing.BuildingBlocks.Tests;

/// <summary>INV-6: one rounding rule, to the currency's minor unit, half away from zero.</summary>
public sealed class MoneyTests
{
    [Theory]
    [InlineData("USD", "2.345", "2.35")]
    [InlineData("USD", "-2.345", "-2.35")]
    [InlineData("USD", "2.344999", "2.34")]
    [InlineData("USD", "0.005", "0.01")]
    [InlineData("JPY", "2.5", "3")]
    [InlineData("JPY", "-2.5", "-3")]
    [InlineData("JPY", "1234.49", "1234")]
    [InlineData("KWD", "1.2345", "1.235")]
    [InlineData("KWD", "1.2344", "1.234")]
    [InlineData("CLF", "0.00005", "0.0001")]
    public void Amounts_round_to_the_minor_unit_half_away_from_zero(string currency, string amount, string expected)
    {
        var rounded = new Money(Dec(amount), Currency.FromCode(currency)).Rounded();

        rounded.Amount.ShouldBe(Dec(expected));
    }

    [Fact]
    public void A_sub_cent_price_times_a_large_quantity_keeps_full_precision_until_rounded()
    {
        var price = new Money(0.0004m, Currency.USD);

        var total = price * 1_234_567m;

        total.Amount.ShouldBe(493.8268m);
        total.Rounded().Amount.ShouldBe(493.83m);
    }

    [Theory]
    [InlineData("USD", 2)]
    [InlineData("EUR", 2)]
    [InlineData("JPY", 0)]
    [InlineData("KRW", 0)]
    [InlineData("BHD", 3)]
    [InlineData("TND", 3)]
    [InlineData("CLF", 4)]
    public void Each_currency_knows_its_minor_unit(string code, int minorUnits) =>
        Currency.FromCode(code).MinorUnits.ShouldBe(minorUnits);

    [Theory]
    [InlineData("usd")]
    [InlineData("XXX")]
    [InlineData("US")]
    [InlineData("")]
    public void Unknown_codes_are_refused(string code)
    {
        Currency.IsKnown(code).ShouldBeFalse();
        Should.Throw<BusinessRuleViolation>(() => Currency.FromCode(code)).Code.ShouldBe("unknown_currency");
    }

    [Fact]
    public void Amounts_in_different_currencies_do_not_add_up()
    {
        var violation = Should.Throw<BusinessRuleViolation>(() => new Money(1m, Currency.USD) + new Money(1m, Currency.EUR));

        violation.Code.ShouldBe("currency_mismatch");
    }

    [Fact]
    public void A_sum_of_rounded_amounts_is_exact()
    {
        var lines = new[] { 0.1m, 0.2m, 0.3m }.Select(amount => new Money(amount, Currency.USD));

        Money.Sum(Currency.USD, lines).ShouldBe(new Money(0.6m, Currency.USD));
    }

    private static decimal Dec(string value) => decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
}
