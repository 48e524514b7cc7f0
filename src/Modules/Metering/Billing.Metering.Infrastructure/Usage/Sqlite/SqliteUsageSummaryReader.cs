using System.Text.Json;
using Billing.BuildingBlocks.Application.Access;
using Billing.BuildingBlocks.Domain;
using Billing.BuildingBlocks.Infrastructure.Persistence;
using Billing.BuildingBlocks.Infrastructure.Persistence.Sqlite;
using Billing.Metering.Application.Usage;
using Billing.Metering.Domain.Meters;
using Billing.Metering.Infrastructure.Persistence;

namespace Billing.Metering.Infrastructure.Usage.Sqlite;

/// <summary>
/// MET-6: one aggregate query per meter over the covering index (environment, customer, event,
/// timestamp, value); no event is loaded into memory. One customer (the HTTP summary, P4) is a plain
/// aggregate; many (a cycle's batch) come as one JSON array parameter and are grouped by customer,
/// which SQLite answers by walking the index once per customer in the list. Grouping costs a
/// comparison per event, which is why a single customer is not grouped.
/// </summary>
internal sealed class SqliteUsageSummaryReader(BillingDatabaseOptions database, ICallerContext caller) : IUsageSummaryReader
{
    private const string Range = "environment = $environment AND event_name = $event AND timestamp_micros >= $from AND timestamp_micros < $to";

    private const string OneCustomer = $"FROM {MeteringDbContext.UsageEventsTable} events WHERE customer_id = $customer AND {Range}";

    private const string ManyCustomers =
        $"FROM {MeteringDbContext.UsageEventsTable} events WHERE customer_id IN (SELECT value FROM json_each($customers)) AND {Range} GROUP BY customer_id";

    // The value of the customer's last event in the range; unqualified columns are the inner table's.
    private const string LatestValue =
        $"(SELECT value_micros FROM {MeteringDbContext.UsageEventsTable} WHERE customer_id = events.customer_id AND {Range} ORDER BY timestamp_micros DESC, sequence DESC LIMIT 1)";

    public async Task<IReadOnlyDictionary<string, MeterUsage>> SummarizeAsync(
        IReadOnlyCollection<string> customerIds, Meter meter, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var one = customerIds.Count == 1;
        var (customer, rows) = one ? ("$customer", OneCustomer) : ("customer_id", ManyCustomers);
        var aggregate = meter.Aggregation switch
        {
            Aggregation.Count => "NULL",
            Aggregation.Sum => "SUM(value_micros)",
            Aggregation.Max => "MAX(value_micros)",
            Aggregation.UniqueCount => "COUNT(DISTINCT unique_key)",
            Aggregation.Latest => LatestValue,
            _ => throw new ArgumentOutOfRangeException(nameof(meter), meter.Aggregation, null),
        };

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {customer}, COUNT(*), {aggregate} {rows}";
        if (one)
        {
            command.Parameters.AddWithValue("$customer", customerIds.First());
        }
        else
        {
            command.Parameters.AddWithValue("$customers", JsonSerializer.Serialize(customerIds));
        }

        command.Parameters.AddWithValue("$environment", caller.Environment.ToWireName());
        command.Parameters.AddWithValue("$event", meter.EventName);
        command.Parameters.AddWithValue("$from", UsageEventRow.ToMicros(from));
        command.Parameters.AddWithValue("$to", UsageEventRow.ToMicros(to));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await SummaryRows.ReadAsync(reader, meter.Aggregation, customerIds.Count, cancellationToken);
    }
}
