using System.Text.Json;
using Billing.BuildingBlocks.Application.Access;
using Billing.BuildingBlocks.Domain;
using Billing.BuildingBlocks.Infrastructure.Persistence;
using Billing.Metering.Application.Usage;
using Billing.Metering.Domain.Meters;
using Billing.Metering.Domain.Usage;
using Billing.Metering.Infrastructure.Persistence;

namespace Billing.Metering.Infrastructure.Usage;

/// <summary>
/// MET-6: one aggregate query per meter, grouped by customer, over the covering index
/// (environment, customer, event, timestamp, value); no event is loaded into memory. The customers
/// come as one JSON array parameter, so a batch of any size is one statement with one plan, and
/// SQLite walks the index once per customer in the list.
/// </summary>
internal sealed class SqliteUsageSummaryReader(BillingDatabaseOptions database, ICallerContext caller) : IUsageSummaryReader
{
    private const string Range = "environment = $environment AND event_name = $event AND timestamp_micros >= $from AND timestamp_micros < $to";

    private const string Grouped =
        $"FROM {MeteringDbContext.UsageEventsTable} events WHERE customer_id IN (SELECT value FROM json_each($customers)) AND {Range} GROUP BY customer_id";

    // The value of the customer's last event in the range; unqualified columns are the inner table's.
    private const string LatestValue =
        $"(SELECT value_micros FROM {MeteringDbContext.UsageEventsTable} WHERE customer_id = events.customer_id AND {Range} ORDER BY timestamp_micros DESC, sequence DESC LIMIT 1)";

    public async Task<IReadOnlyDictionary<string, MeterUsage>> SummarizeAsync(
        IReadOnlyCollection<string> customerIds, Meter meter, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var sql = meter.Aggregation switch
        {
            Aggregation.Count => $"SELECT customer_id, COUNT(*), NULL {Grouped}",
            Aggregation.Sum => $"SELECT customer_id, COUNT(*), SUM(value_micros) {Grouped}",
            Aggregation.Max => $"SELECT customer_id, COUNT(*), MAX(value_micros) {Grouped}",
            Aggregation.UniqueCount => $"SELECT customer_id, COUNT(*), COUNT(DISTINCT unique_key) {Grouped}",
            Aggregation.Latest => $"SELECT customer_id, COUNT(*), {LatestValue} {Grouped}",
            _ => throw new ArgumentOutOfRangeException(nameof(meter), meter.Aggregation, null),
        };

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$customers", JsonSerializer.Serialize(customerIds));
        command.Parameters.AddWithValue("$environment", caller.Environment.ToWireName());
        command.Parameters.AddWithValue("$event", meter.EventName);
        command.Parameters.AddWithValue("$from", UsageEventWriter.ToMicros(from));
        command.Parameters.AddWithValue("$to", UsageEventWriter.ToMicros(to));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);

        var usage = new Dictionary<string, MeterUsage>(customerIds.Count);
        while (await reader.ReadAsync(cancellationToken))
        {
            var events = reader.GetInt64(1);
            var aggregate = reader.IsDBNull(2) ? 0L : reader.GetInt64(2);
            var quantity = meter.Aggregation switch
            {
                Aggregation.Count => events,
                Aggregation.UniqueCount => aggregate,
                _ => Measurement.ToQuantity(aggregate),
            };
            usage[reader.GetString(0)] = new MeterUsage(quantity, events);
        }

        return usage;
    }
}
