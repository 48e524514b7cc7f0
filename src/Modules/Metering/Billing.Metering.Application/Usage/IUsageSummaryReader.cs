using Billing.Metering.Domain.Meters;

namespace Billing.Metering.Application.Usage;

/// <summary>MET-6: aggregates in the database, never by loading events.</summary>
internal interface IUsageSummaryReader
{
    /// <summary>One meter's usage in <c>[from, to)</c> for each of these customers; a customer without events is absent.</summary>
    Task<IReadOnlyDictionary<string, MeterUsage>> SummarizeAsync(
        IReadOnlyCollection<string> customerIds, Meter meter, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}

internal sealed record MeterUsage(decimal Quantity, long EventCount)
{
    public static readonly MeterUsage None = new(0m, 0);
}
