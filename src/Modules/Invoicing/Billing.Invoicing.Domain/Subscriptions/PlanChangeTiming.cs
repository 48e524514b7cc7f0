namespace Billing.Invoicing.Domain.Subscriptions;

/// <summary>PLN-6: when a plan change takes effect.</summary>
internal enum PlanChangeTiming
{
    /// <summary>At this second: the current period splits there, each part rated by its plan.</summary>
    Now,

    /// <summary>At the end of the current period; the period is rated by the plan it is on.</summary>
    PeriodEnd,
}
