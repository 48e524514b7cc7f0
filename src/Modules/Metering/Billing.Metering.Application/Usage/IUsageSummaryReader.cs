using Billing.Metering.Domain.Meters;

namespace Billing.Metering.Application.Usage;

/// <summary>MET-6: aggregates in the database, never by loading events.</summary>
internal interface IUsageSummaryReader
{
    Task<MeterUsage> SummarizeAsync(string customerId, Meter meter, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}

internal sealed record MeterUsage(decimal Quantity, long EventCount);
