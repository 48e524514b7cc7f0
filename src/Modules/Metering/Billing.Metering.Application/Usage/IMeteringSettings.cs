namespace Billing.Metering.Application.Usage;

/// <summary>Settings ingestion follows (<c>Billing:Metering</c>).</summary>
internal interface IMeteringSettings
{
    /// <summary>MET-5: how old an event may be; default 35 days.</summary>
    TimeSpan LateUsageWindow { get; }
}
