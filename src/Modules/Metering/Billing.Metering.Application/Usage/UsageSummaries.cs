using Billing.BuildingBlocks.Application.Validation;
using Billing.Metering.Contracts;
using Billing.Metering.Domain.Meters;

namespace Billing.Metering.Application.Usage;

/// <summary>MET-6: the summaries of some customers over some meters, one aggregate query per meter.</summary>
internal sealed class UsageSummaries(IUsageSummaryReader reader)
{
    public async Task<IReadOnlyDictionary<string, UsageSummaryDto>> SummarizeAsync(
        IReadOnlyCollection<string> customerIds, IReadOnlyList<Meter> meters, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        from = from.ToUniversalTime();
        to = to.ToUniversalTime();
        var perCustomer = customerIds.Distinct().ToDictionary(id => id, _ => new List<MeterUsageDto>(meters.Count));
        foreach (var meter in meters)
        {
            var measured = await reader.SummarizeAsync(perCustomer.Keys, meter, from, to, cancellationToken);
            foreach (var (customerId, usage) in perCustomer)
            {
                var (quantity, events) = measured.GetValueOrDefault(customerId, MeterUsage.None);
                usage.Add(new MeterUsageDto(meter.Code, meter.EventName, WireName.Of(meter.Aggregation), quantity, events));
            }
        }

        return perCustomer.ToDictionary(pair => pair.Key, pair => new UsageSummaryDto(pair.Key, from, to, pair.Value));
    }
}
