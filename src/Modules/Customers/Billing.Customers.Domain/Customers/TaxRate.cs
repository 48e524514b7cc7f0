using Billing.BuildingBlocks.Domain;

namespace Billing.Customers.Domain.Customers;

/// <summary>A tax rate in percent (8.25 means 8.25 %), as Stripe and Lago express it.</summary>
internal static class TaxRate
{
    public const decimal Max = 100m;
    public const int MaxDecimals = 4;

    public static bool IsValid(decimal percent) =>
        percent is >= 0m and <= Max && decimal.Round(percent, MaxDecimals) == percent;

    public static decimal Require(decimal percent) =>
        IsValid(percent)
            ? percent
            : throw new BusinessRuleViolation("invalid_tax_rate", $"A tax rate is a percentage from 0 to {Max} with at most {MaxDecimals} decimals, not {percent}.");
}
