namespace Billing.Metering.Application.Usage;

/// <summary>Settings ingestion follows.</summary>
internal interface IMeteringSettings
{
    /// <summary>
    /// MET-5: how old an event may be: the environment's <c>lateUsageWindow</c> invoicing setting
    /// (default <c>Billing:Metering:LateUsageWindow</c>, 35 days).
    /// </summary>
    ValueTask<TimeSpan> LateUsageWindowAsync(CancellationToken cancellationToken);
}
