namespace Billing.Invoicing.Domain.Plans;

/// <summary>
/// PLN-3: one price list of a plan, in force from <see cref="EffectiveFrom"/> until the next version's
/// date. An invoice records the version it was rated with.
/// </summary>
internal sealed class PlanVersion
{
    private PlanVersion()
    {
    }

    public PlanVersion(int number, DateTimeOffset effectiveFrom, FixedFees fees, IReadOnlyList<UsageCharge> charges, DateTimeOffset createdAt)
    {
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
}
