namespace Billing.Invoicing.Domain.Settings;

/// <summary>
/// INV-4: a grace period for the invoices that meet every condition the rule sets. A condition left
/// null is not checked; a rule sets at least one.
/// </summary>
internal sealed record GraceRule(bool? FromSubscriptionCycle, bool? HasMeteredCharge, TimeSpan GracePeriod)
{
    public bool Matches(InvoiceTraits invoice) =>
        (FromSubscriptionCycle is null || FromSubscriptionCycle == invoice.FromSubscriptionCycle)
        && (HasMeteredCharge is null || HasMeteredCharge == invoice.HasMeteredCharge);
}

/// <summary>What grace rules look at. <c>FromSubscriptionCycle</c>: made at the end of a period (not manual).</summary>
internal sealed record InvoiceTraits(bool FromSubscriptionCycle, bool HasMeteredCharge, bool FirstOfChargeAutomatically);
