namespace Billing.Invoicing.Domain.Subscriptions;

/// <summary>PLN-5: when a cancellation takes effect.</summary>
internal enum CancellationTiming
{
    /// <summary>At the instant of the request: the current period is cut there and invoiced prorated.</summary>
    Now,

    /// <summary>At the end of the current period, which is invoiced as usual.</summary>
    PeriodEnd,
}
