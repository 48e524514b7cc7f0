using Billing.BuildingBlocks.Domain;
using Billing.BuildingBlocks.Domain.Monetary;
using Billing.Invoicing.Domain.Periods;

namespace Billing.Invoicing.Domain.Plans;

/// <summary>
/// PLN-1..3: a versioned price list in one currency and one billing interval. Code, currency and
/// interval are fixed; prices change only by adding a version with an effective date, never by
/// editing one, so every past invoice can be re-rated with the prices it was rated with.
/// </summary>
internal sealed class Plan : AggregateRoot
{
    public const string IdPrefix = "plan";
    public const int MaxCodeLength = 64;
    public const int MaxNameLength = 200;

    private readonly List<PlanVersion> _versions = [];

    private Plan()
    {
    }

    public string Id { get; private set; } = string.Empty;

    public string Code { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    public Currency Currency { get; private set; } = Currency.USD;

    public BillingInterval Interval { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyList<PlanVersion> Versions => _versions;

    /// <summary>The version new periods get: the latest effective date, the newest version among equal dates.</summary>
    public PlanVersion CurrentVersion => _versions.MaxBy(version => (version.EffectiveFrom, version.Number))!;

    private int NextNumber => _versions.Max(version => version.Number) + 1;

    public static Plan Create(string code, string name, Currency currency, BillingInterval interval, FixedFees fees, IReadOnlyList<UsageCharge> charges, DateTimeOffset now)
    {
        var plan = new Plan
        {
            Id = OpaqueId.New(IdPrefix, now),
            Code = code,
            Name = name,
            Currency = currency,
            Interval = interval,
            CreatedAt = now,
        };
        _ = new PlanTerms(currency, interval, fees, charges);
        plan._versions.Add(new PlanVersion(1, now, fees, charges, now, correctionReason: null));
        return plan;
    }

    /// <summary>
    /// PLN-3: new prices from <paramref name="effectiveFrom"/> on. Never in the past (what was billed
    /// stays billed as it was; a past rate is fixed by <see cref="AddCorrection"/>) and after the latest version's date.
    /// </summary>
    public PlanVersion AddVersion(FixedFees fees, IReadOnlyList<UsageCharge> charges, DateTimeOffset effectiveFrom, DateTimeOffset now)
    {
        if (effectiveFrom < now)
        {
            throw new BusinessRuleViolation("effective_date_in_past", $"A new version takes effect now or later, not {effectiveFrom:O}.");
        }

        if (effectiveFrom <= CurrentVersion.EffectiveFrom)
        {
            throw new BusinessRuleViolation("effective_date_not_after_latest", $"Version {CurrentVersion.Number} takes effect {CurrentVersion.EffectiveFrom:O}; a new one must take effect later.");
        }

        _ = new PlanTerms(Currency, Interval, fees, charges);
        var version = new PlanVersion(NextNumber, effectiveFrom, fees, charges, now, correctionReason: null);
        _versions.Add(version);
        return version;
    }

    /// <summary>
    /// PLN-7: prices that should have been in force from a past instant (a wrong rate fixed). They
    /// apply from <paramref name="effectiveFrom"/> until the next version dated after it, to every
    /// period rated from now on (drafts, regenerations); finalized invoices keep their lines.
    /// </summary>
    public PlanVersion AddCorrection(FixedFees fees, IReadOnlyList<UsageCharge> charges, DateTimeOffset effectiveFrom, string reason, DateTimeOffset now)
    {
        if (effectiveFrom >= now)
        {
            throw new BusinessRuleViolation("correction_not_in_past", $"A correction takes effect in the past, not {effectiveFrom:O}; add a version for new prices from now on.");
        }

        if (effectiveFrom < CreatedAt)
        {
            throw new BusinessRuleViolation("correction_before_plan", $"Plan {Code} exists from {CreatedAt:O}; a correction cannot take effect before it ({effectiveFrom:O}).");
        }

        _ = new PlanTerms(Currency, Interval, fees, charges);
        var version = new PlanVersion(NextNumber, effectiveFrom, fees, charges, now, reason);
        _versions.Add(version);
        return version;
    }

    /// <summary>
    /// The version in force at an instant: the one with the latest effective date at or before it,
    /// and among versions of the same date the newest (a correction replaces what it corrects).
    /// </summary>
    public PlanVersion VersionAt(DateTimeOffset instant) =>
        _versions.Where(version => version.EffectiveFrom <= instant).MaxBy(version => (version.EffectiveFrom, version.Number))
            ?? _versions.MinBy(version => version.Number)!;

    public PlanTerms TermsOf(PlanVersion version) => new(Currency, Interval, version.Fees, version.Charges);
}
