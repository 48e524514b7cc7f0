using Billing.BuildingBlocks.Domain;

namespace Billing.Invoicing.Domain.Plans;

/// <summary>
/// PLN-2: the price of one meter's usage. <see cref="FreeUnits"/> are taken off the quantity first;
/// the charge model prices what is left.
/// </summary>
internal sealed record UsageCharge
{
    private UsageCharge(string meterCode, ChargeModel model, decimal freeUnits, IReadOnlyList<Tier> tiers, decimal packageSize)
    {
        MeterCode = meterCode;
        Model = model;
        FreeUnits = freeUnits;
        Tiers = tiers;
        PackageSize = packageSize;
    }

    public string MeterCode { get; }

    public ChargeModel Model { get; }

    public decimal FreeUnits { get; }

    /// <summary>For per-unit and package charges, one unbounded tier holding the price.</summary>
    public IReadOnlyList<Tier> Tiers { get; }

    /// <summary>Units per package; 1 for every other model.</summary>
    public decimal PackageSize { get; }

    public static UsageCharge PerUnit(string meterCode, decimal unitPrice, decimal freeUnits = 0m) =>
        Create(meterCode, ChargeModel.PerUnit, freeUnits, [new Tier(null, unitPrice)], 1m);

    public static UsageCharge Graduated(string meterCode, IReadOnlyList<Tier> tiers, decimal freeUnits = 0m) =>
        Create(meterCode, ChargeModel.Graduated, freeUnits, tiers, 1m);

    public static UsageCharge Volume(string meterCode, IReadOnlyList<Tier> tiers, decimal freeUnits = 0m) =>
        Create(meterCode, ChargeModel.Volume, freeUnits, tiers, 1m);

    public static UsageCharge Package(string meterCode, decimal packageSize, decimal packagePrice, decimal freeUnits = 0m) =>
        packageSize > 0m
            ? Create(meterCode, ChargeModel.Package, freeUnits, [new Tier(null, packagePrice)], packageSize)
            : throw new BusinessRuleViolation("invalid_charge", "A package holds a positive number of units.");

    private static UsageCharge Create(string meterCode, ChargeModel model, decimal freeUnits, IReadOnlyList<Tier> tiers, decimal packageSize)
    {
        if (freeUnits < 0m)
        {
            throw new BusinessRuleViolation("invalid_charge", "Free units cannot be negative.");
        }

        if (tiers.Count == 0 || tiers[^1].UpTo is not null)
        {
            throw new BusinessRuleViolation("invalid_charge", "The last tier must have no upper bound.");
        }

        for (var i = 0; i < tiers.Count; i++)
        {
            if (tiers[i].UnitPrice < 0m || tiers[i].FlatFee < 0m)
            {
                throw new BusinessRuleViolation("invalid_charge", "Prices cannot be negative.");
            }

            if (i < tiers.Count - 1 && (tiers[i].UpTo is not { } upTo || upTo <= (i == 0 ? 0m : tiers[i - 1].UpTo!.Value)))
            {
                throw new BusinessRuleViolation("invalid_charge", "Tier bounds must be positive and rise from tier to tier.");
            }
        }

        return new UsageCharge(meterCode, model, freeUnits, tiers, packageSize);
    }
}
