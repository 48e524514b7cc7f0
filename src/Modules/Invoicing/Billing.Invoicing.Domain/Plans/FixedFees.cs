using Billing.BuildingBlocks.Domain;

namespace Billing.Invoicing.Domain.Plans;

/// <summary>
/// PLN-1: a recurring flat fee every period, a one-time setup fee on the first invoice only, and a
/// minimum commitment that usage charges are topped up to.
/// </summary>
internal sealed record FixedFees
{
    public FixedFees(decimal recurringFee = 0m, decimal setupFee = 0m, decimal minimumCommitment = 0m)
    {
        if (recurringFee < 0m || setupFee < 0m || minimumCommitment < 0m)
        {
            throw new BusinessRuleViolation("invalid_fee", "Fees cannot be negative.");
        }

        RecurringFee = recurringFee;
        SetupFee = setupFee;
        MinimumCommitment = minimumCommitment;
    }

    public static FixedFees None { get; } = new();

    public decimal RecurringFee { get; }

    public decimal SetupFee { get; }

    public decimal MinimumCommitment { get; }
}
