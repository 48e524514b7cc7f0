using Billing.BuildingBlocks.Application.Access;
using Billing.BuildingBlocks.Domain;
using Billing.BuildingBlocks.Infrastructure.Persistence;
using Billing.BuildingBlocks.Infrastructure.Persistence.Postgres;
using Billing.Metering.Application.Usage;
using Billing.Metering.Domain.Meters;
using Billing.Metering.Infrastructure.Persistence;
using Npgsql;

namespace Billing.Metering.Infrastructure.Usage.Postgres;

/// <summary>
/// MET-6 on PostgreSQL: one aggregate query per meter over the covering index (environment,
/// customer, event, timestamp, value); one customer is a plain aggregate, the customers of a cycle's
/// batch come as one array parameter, grouped by customer; no event is loaded into memory.
/// </summary>
internal sealed class PostgresUsageSummaryReader(BillingDatabaseOptions database, ICallerContext caller) : IUsageSummaryReader
{
    private const string Range = "environment = @environment AND event_name = @event AND timestamp_micros >= @from AND timestamp_micros < @to";

    // The value of the customer's last event in the range ({0}: the customer); unqualified columns are the inner table's.
    private const string LatestValue =
        $"(SELECT value_micros FROM metering.usage_events WHERE customer_id = {{0}} AND {Range} ORDER BY timestamp_micros DESC, sequence DESC LIMIT 1)";

    public async Task<IReadOnlyDictionary<string, MeterUsage>> SummarizeAsync(
        IReadOnlyCollection<string> customerIds, Meter meter, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        // One customer (the HTTP summary, P4) is a plain aggregate: grouping costs a comparison per event.
        var one = customerIds.Count == 1;
        var customer = one ? "@customer" : "events.customer_id";
        var aggregate = meter.Aggregation switch
        {
            Aggregation.Count => "NULL::bigint",
            Aggregation.Sum => "SUM(value_micros)::bigint",
            Aggregation.Max => "MAX(value_micros)",
            Aggregation.UniqueCount => "COUNT(DISTINCT unique_key)",
            Aggregation.Latest => string.Format(System.Globalization.CultureInfo.InvariantCulture, LatestValue, customer),
            _ => throw new ArgumentOutOfRangeException(nameof(meter), meter.Aggregation, null),
        };

        await using var command = database.DataSource().CreateCommand(one
            ? $"SELECT @customer, COUNT(*), {aggregate} FROM metering.usage_events events WHERE customer_id = @customer AND {Range} HAVING COUNT(*) > 0"
            : $"SELECT customer_id, COUNT(*), {aggregate} FROM metering.usage_events events WHERE customer_id = ANY(@customers) AND {Range} GROUP BY customer_id");
        command.Parameters.Add(one
            ? new NpgsqlParameter<string>("customer", customerIds.First())
            : new NpgsqlParameter<string[]>("customers", customerIds.ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string>("environment", caller.Environment.ToWireName()));
        command.Parameters.Add(new NpgsqlParameter<string>("event", meter.EventName));
        command.Parameters.Add(new NpgsqlParameter<long>("from", UsageEventRow.ToMicros(from)));
        command.Parameters.Add(new NpgsqlParameter<long>("to", UsageEventRow.ToMicros(to)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await SummaryRows.ReadAsync(reader, meter.Aggregation, customerIds.Count, cancellationToken);
    }
}
