using System.Data.Common;
using Billing.Metering.Application.Usage;
using Billing.Metering.Domain.Meters;
using Billing.Metering.Domain.Usage;

namespace Billing.Metering.Infrastructure.Usage;

/// <summary>
/// The rows of a usage summary statement, whichever provider ran it: the customer id, its event
/// count and the aggregated value (integer millionths, or the distinct count), as quantities.
/// </summary>
internal static class SummaryRows
{
    public static async Task<IReadOnlyDictionary<string, MeterUsage>> ReadAsync(
        DbDataReader reader, Aggregation aggregation, int customers, CancellationToken cancellationToken)
    {
        var usage = new Dictionary<string, MeterUsage>(customers);
        while (await reader.ReadAsync(cancellationToken))
        {
            var events = reader.GetInt64(1);
            var value = reader.IsDBNull(2) ? 0L : reader.GetInt64(2);
            var quantity = aggregation switch
            {
                Aggregation.Count => events,
                Aggregation.UniqueCount => value,
                _ => Measurement.ToQuantity(value),
            };
            usage[reader.GetString(0)] = new MeterUsage(quantity, events);
        }

        return usage;
    }
}
