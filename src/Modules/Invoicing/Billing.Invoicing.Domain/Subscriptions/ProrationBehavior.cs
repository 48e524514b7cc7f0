namespace Billing.Invoicing.Domain.Subscriptions;

/// <summary>PLN-6: how a plan change in a period treats fixed fees.</summary>
internal enum ProrationBehavior
{
    /// <summary>Each plan's fees for the time on it.</summary>
    Prorate,

    /// <summary>The period keeps the fees of the plan it started on; the new plan's begin with the next period.</summary>
    None,
}
