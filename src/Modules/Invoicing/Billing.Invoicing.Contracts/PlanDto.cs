namespace Billing.Invoicing.Contracts;

/// <summary>
/// A plan with every version, oldest first; <c>interval</c>: daily, weekly, monthly or yearly;
/// <c>currentVersion</c>: the one new periods get (latest effective date).
/// </summary>
public sealed record PlanDto(
    string Id,
    string Code,
    string Name,
    string Currency,
    string Interval,
    int CurrentVersion,
    DateTimeOffset CreatedAt,
    IReadOnlyList<PlanVersionDto> Versions);

/// <summary>
/// One price list. <c>correction</c>: it corrects prices of the past from <c>effectiveFrom</c> on,
/// for <c>reason</c> (PLN-7); <c>createdAt</c>: when it was added.
/// </summary>
public sealed record PlanVersionDto(
    int Version, DateTimeOffset EffectiveFrom, FixedFeesDto FixedFees, IReadOnlyList<UsageChargeDto> Charges, bool Correction, string? Reason, DateTimeOffset CreatedAt);

/// <summary>Recurring fee every period, setup fee on the first invoice, minimum commitment for usage.</summary>
public sealed record FixedFeesDto(decimal? RecurringFee, decimal? SetupFee, decimal? MinimumCommitment);

/// <summary>
/// The price of one meter's usage. <c>model</c>: per_unit (<c>unitPrice</c>), graduated or volume
/// (<c>tiers</c>, the last without <c>upTo</c>), package (<c>packageSize</c>, <c>packagePrice</c>).
/// </summary>
public sealed record UsageChargeDto(
    string? Meter,
    string? Model,
    decimal? FreeUnits,
    decimal? UnitPrice,
    IReadOnlyList<TierDto>? Tiers,
    decimal? PackageSize,
    decimal? PackagePrice);

public sealed record TierDto(decimal? UpTo, decimal? UnitPrice, decimal? FlatFee);
