using Billing.BuildingBlocks.Application.Validation;
using Billing.Invoicing.Contracts;
using Billing.Invoicing.Domain.Plans;

namespace Billing.Invoicing.Application.Plans;

/// <summary>Explicit conversions between the wire shapes and the plan domain; no mapping library.</summary>
internal static class PlanMapping
{
    public const string AuditEntityType = "plan";

    public static PlanDto ToDto(this Plan plan) => new(
        plan.Id,
        plan.Code,
        plan.Name,
        plan.Currency.Code,
        WireName.Of(plan.Interval),
        plan.CurrentVersion.Number,
        plan.CreatedAt,
        plan.Versions.OrderBy(version => version.Number).Select(ToDto).ToList());

    public static PlanVersionDto ToDto(this PlanVersion version) => new(
        version.Number,
        version.EffectiveFrom,
        new FixedFeesDto(version.Fees.RecurringFee, version.Fees.SetupFee, version.Fees.MinimumCommitment),
        version.Charges.Select(ToDto).ToList(),
        version.IsCorrection,
        version.CorrectionReason,
        version.CreatedAt);

    public static UsageChargeDto ToDto(this UsageCharge charge) => charge.Model switch
    {
        ChargeModel.PerUnit => new(charge.MeterCode, WireName.Of(charge.Model), charge.FreeUnits, charge.Tiers[0].UnitPrice, null, null, null),
        ChargeModel.Package => new(charge.MeterCode, WireName.Of(charge.Model), charge.FreeUnits, null, null, charge.PackageSize, charge.Tiers[0].UnitPrice),
        _ => new(charge.MeterCode, WireName.Of(charge.Model), charge.FreeUnits, null,
            charge.Tiers.Select(tier => new TierDto(tier.UpTo, tier.UnitPrice, tier.FlatFee)).ToList(), null, null),
    };

    /// <summary>Only after validation (<see cref="PlanTermsRules"/>): every required field is there.</summary>
    public static FixedFees ToDomain(this FixedFeesDto? fees) =>
        new(fees?.RecurringFee ?? 0m, fees?.SetupFee ?? 0m, fees?.MinimumCommitment ?? 0m);

    public static UsageCharge ToDomain(this UsageChargeDto charge)
    {
        var free = charge.FreeUnits ?? 0m;
        return WireName.Parse<ChargeModel>(charge.Model!) switch
        {
            ChargeModel.PerUnit => UsageCharge.PerUnit(charge.Meter!, charge.UnitPrice!.Value, free),
            ChargeModel.Package => UsageCharge.Package(charge.Meter!, charge.PackageSize!.Value, charge.PackagePrice!.Value, free),
            ChargeModel.Graduated => UsageCharge.Graduated(charge.Meter!, Tiers(charge), free),
            _ => UsageCharge.Volume(charge.Meter!, Tiers(charge), free),
        };
    }

    public static IReadOnlyList<UsageCharge> ToDomain(this IReadOnlyList<UsageChargeDto>? charges) =>
        (charges ?? []).Select(ToDomain).ToList();

    private static List<Tier> Tiers(UsageChargeDto charge) =>
        charge.Tiers!.Select(tier => new Tier(tier.UpTo, tier.UnitPrice!.Value, tier.FlatFee ?? 0m)).ToList();
}
