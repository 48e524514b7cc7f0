using Billing.BuildingBlocks.Application.Access;
using Billing.BuildingBlocks.Domain;
using Billing.BuildingBlocks.Infrastructure.Persistence;
using Billing.Metering.Application.Usage;
using Billing.Metering.Domain.Meters;
using Billing.Metering.Domain.Usage;
using Billing.Metering.Infrastructure.Persistence;

namespace Billing.Metering.Infrastructure.Usage;

/// <summary>
/// MET-6: one aggregate query per meter over the covering index
/// (environment, customer, event, timestamp, value); no event is loaded into memory.
/// </summary>
internal sealed class SqliteUsageSummaryReader(BillingDatabaseOptions database, ICallerContext caller) : IUsageSummaryReader
{
    private const string Range =
        $"FROM {MeteringDbContext.UsageEventsTable} WHERE environment = $environment AND customer_id = $customer AND event_name = $event AND timestamp_micros >= $from AND timestamp_micros < $to";

    public async Task<MeterUsage> SummarizeAsync(string customerId, Meter meter, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var sql = meter.Aggregation switch
        {
            Aggregation.Count => $"SELECT COUNT(*), NULL {Range}",
            Aggregation.Sum => $"SELECT COUNT(*), SUM(value_micros) {Range}",
            Aggregation.Max => $"SELECT COUNT(*), MAX(value_micros) {Range}",
            Aggregation.UniqueCount => $"SELECT COUNT(*), COUNT(DISTINCT unique_key) {Range}",
            Aggregation.Latest => $"SELECT (SELECT COUNT(*) {Range}), (SELECT value_micros {Range} ORDER BY timestamp_micros DESC, sequence DESC LIMIT 1)",
            _ => throw new ArgumentOutOfRangeException(nameof(meter), meter.Aggregation, null),
        };

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$environment", caller.Environment.ToWireName());
        command.Parameters.AddWithValue("$customer", customerId);
        command.Parameters.AddWithValue("$event", meter.EventName);
        command.Parameters.AddWithValue("$from", UsageEventWriter.ToMicros(from));
        command.Parameters.AddWithValue("$to", UsageEventWriter.ToMicros(to));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);

        var events = reader.GetInt64(0);
        var aggregate = reader.IsDBNull(1) ? 0L : reader.GetInt64(1);
        var quantity = meter.Aggregation switch
        {
            Aggregation.Count => events,
            Aggregation.UniqueCount => aggregate,
            _ => Measurement.ToQuantity(aggregate),
        };
        return new MeterUsage(quantity, events);
    }
}
