namespace Billing.Invoicing.Domain.Periods;

/// <summary>PLN-1: how often a plan bills.</summary>
internal enum BillingInterval
{
    Daily,
    Weekly,
    Monthly,
    Yearly,
}
