using Billing.BuildingBlocks.Domain;
using Billing.BuildingBlocks.Domain.Monetary;
using Billing.Invoicing.Domain.Periods;

namespace Billing.Invoicing.Domain.Plans;

/// <summary>The priced content of one plan version: what the rating engine reads.</summary>
internal sealed record PlanTerms
{
    public PlanTerms(Currency currency, BillingInterval interval, FixedFees fees, IReadOnlyList<UsageCharge> charges)
    {
        if (charges.GroupBy(charge => charge.MeterCode).Any(group => group.Count() > 1))
        {
            throw new BusinessRuleViolation("invalid_charge", "A plan has at most one usage charge per meter.");
        }

        Currency = currency;
        Interval = interval;
        Fees = fees;
        Charges = charges;
    }

    public Currency Currency { get; }

    public BillingInterval Interval { get; }

    public FixedFees Fees { get; }

    public IReadOnlyList<UsageCharge> Charges { get; }
}
