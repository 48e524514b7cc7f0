namespace Billing.Invoicing.Contracts;

/// <summary>A plan with every version; <c>interval</c>: daily, weekly, monthly or yearly.</summary>
public sealed record PlanDto(
    string Id,
    string Code,
    string Name,
    string Currency,
    string Interval,
    int CurrentVersion,
    DateTimeOffset CreatedAt,
    IReadOnlyList<PlanVersionDto> Versions);

public sealed record PlanVersionDto(int Version, DateTimeOffset EffectiveFrom, FixedFeesDto FixedFees, IReadOnlyList<UsageChargeDto> Charges);

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
