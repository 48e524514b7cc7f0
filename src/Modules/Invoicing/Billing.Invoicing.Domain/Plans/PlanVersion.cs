namespace Billing.Invoicing.Domain.Plans;

/// <summary>
/// PLN-3: one price list of a plan, in force from <see cref="EffectiveFrom"/> until the next version's
/// date. An invoice records the version it was rated with. A correction (PLN-7) is a version dated in
/// the past, with the reason for it.
/// </summary>
internal sealed class PlanVersion
{
    private PlanVersion()
    {
    }

    public const int MaxReasonLength = 500;

    public PlanVersion(int number, DateTimeOffset effectiveFrom, FixedFees fees, IReadOnlyList<UsageCharge> charges, DateTimeOffset createdAt, string? correctionReason)
    {
        CorrectionReason = correctionReason;
        Number = number;
        EffectiveFrom = effectiveFrom;
        Fees = fees;
        Charges = charges;
        CreatedAt = createdAt;
    }

    public int Number { get; private set; }

    public DateTimeOffset EffectiveFrom { get; private set; }

    public FixedFees Fees { get; private set; } = FixedFees.None;

    public IReadOnlyList<UsageCharge> Charges { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>PLN-7: why the version corrects past prices; null for a version added ahead of its date.</summary>
    public string? CorrectionReason { get; private set; }

    public bool IsCorrection => CorrectionReason is not null;
}
