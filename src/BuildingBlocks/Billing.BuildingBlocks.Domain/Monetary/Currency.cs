using System.Collections.Frozen;

namespace Billing.BuildingBlocks.Domain.Monetary;

/// <summary>
/// An ISO 4217 currency and its minor unit. The minor unit decides how every amount in it is
/// rounded (INV-6): JPY has none, USD two, KWD three.
/// </summary>
public sealed record Currency
{
    // One instance per code, made once: a currency is read with every stored amount, and a list of
    // invoices would otherwise make one for each row it reads. Declared first, so it exists before
    // the properties below are initialized from it.
    private static readonly FrozenDictionary<string, Currency> Known =
        Iso4217.MinorUnits.ToFrozenDictionary(pair => pair.Key, pair => new Currency(pair.Key, pair.Value), StringComparer.Ordinal);

    private Currency(string code, int minorUnits)
    {
        Code = code;
        MinorUnits = minorUnits;
    }

    public string Code { get; }

    /// <summary>Digits after the decimal point in the currency's smallest unit.</summary>
    public int MinorUnits { get; }

    public static Currency USD { get; } = FromCode("USD");

    public static Currency EUR { get; } = FromCode("EUR");

    public static Currency JPY { get; } = FromCode("JPY");

    public static bool IsKnown(string? code) => code is not null && Iso4217.MinorUnits.ContainsKey(code);

    public static Currency FromCode(string code) =>
        Known.TryGetValue(code, out var currency)
            ? currency
            : throw new BusinessRuleViolation("unknown_currency", $"'{code}' is not an ISO 4217 currency code.");

    /// <summary>
    /// The one rounding rule of the product (INV-6): to the minor unit, half away from zero.
    /// Every line is rounded once, here; totals are sums of rounded lines.
    /// </summary>
    public decimal Round(decimal amount) => Math.Round(amount, MinorUnits, MidpointRounding.AwayFromZero);

    public override string ToString() => Code;
}
