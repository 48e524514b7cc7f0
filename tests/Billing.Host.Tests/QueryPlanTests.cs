using System.Text.RegularExpressions;
using Billing.Host.Tests.Support;
using Billing.Testing;
using Microsoft.Data.Sqlite;

namespace Billing.Host.Tests;

/// <summary>
/// docs-adr/0024: the plans SQLite chooses for the reads a cycle repeats, on the migrated
/// database with the statistics the host writes. The statements are EF Core's own, as its command log
/// prints them for the repositories' queries (parameters bound: a literal where EF inlines one, such
/// as a status, matters to a partial index). A plan that walks a whole environment or sorts it fails.
/// </summary>
public sealed class QueryPlanTests(BillingApiFactory factory) : IClassFixture<BillingApiFactory>
{
    /// <summary>A cycle's due drafts, which share one instant; its due subscriptions; overdue invoices. (The list's own statement: InvoiceListStatementTests.)</summary>
    [SqliteOnlyTheory]
    [InlineData(
        "SELECT \"i\".\"id\" FROM \"invoicing_invoices\" AS \"i\" WHERE \"i\".\"environment\" = @ef_filter__CurrentEnvironment AND \"i\".\"status\" = 'Draft' AND \"i\".\"finalizes_at\" <= @now ORDER BY \"i\".\"finalizes_at\", \"i\".\"id\" LIMIT @p",
        "IX_invoicing_invoices_environment_status_finalizes_at_id (environment=? AND status=? AND finalizes_at<?)")]
    [InlineData(
        "SELECT \"i\".\"id\" FROM \"invoicing_subscriptions\" AS \"i\" WHERE \"i\".\"environment\" = @ef_filter__CurrentEnvironment AND \"i\".\"unbilled_period_end\" <= @cutoff AND (\"i\".\"ends_at\" IS NULL OR \"i\".\"unbilled_period_start\" < \"i\".\"ends_at\") ORDER BY \"i\".\"unbilled_period_end\", \"i\".\"id\" LIMIT @p",
        "IX_invoicing_subscriptions_environment_unbilled_period_end_id (environment=? AND unbilled_period_end<?)")]
    [InlineData(
        "SELECT \"i\".\"id\" FROM \"invoicing_invoices\" AS \"i\" WHERE \"i\".\"environment\" = @ef_filter__CurrentEnvironment AND \"i\".\"status\" = 'Open' AND \"i\".\"due_date\" <= @dueBefore ORDER BY \"i\".\"due_date\", \"i\".\"id\" LIMIT @p",
        "IX_invoicing_invoices_environment_due_date_id (environment=? AND due_date<?)")]
    public void An_ordered_read_walks_its_index_in_order_without_sorting(string sql, string search)
    {
        var plan = Explain(sql);

        plan.ShouldContain(search);
        plan.ShouldNotContain("TEMP B-TREE");
    }

    [SqliteOnlyFact]
    public void A_batch_of_subscriptions_by_id_is_looked_up_by_key()
    {
        var ids = string.Join(", ", Enumerable.Range(1, 12).Select(index => $"@ids{index}"));
        var plan = Explain($"SELECT \"i\".\"id\" FROM \"invoicing_subscriptions\" AS \"i\" WHERE \"i\".\"environment\" = @ef_filter__CurrentEnvironment AND \"i\".\"id\" IN ({ids})");

        plan.ShouldContain("(id=?)");
        plan.ShouldNotContain("(environment=?)");
    }

    /// <summary>SqliteUsageSummaryReader's statement for many customers and a summed meter.</summary>
    [SqliteOnlyFact]
    public void The_usage_of_a_batch_of_customers_is_aggregated_from_the_covering_index()
    {
        var plan = Explain("""
            SELECT customer_id, COUNT(*), SUM(value_micros) FROM metering_usage_events events
            WHERE customer_id IN (SELECT value FROM json_each($customers)) AND environment = $environment AND event_name = $event
              AND timestamp_micros >= $from AND timestamp_micros < $to GROUP BY customer_id
            """);

        plan.ShouldContain("COVERING INDEX IX_metering_usage_events_environment_customer_id_event_name_timestamp_micros_value_micros");
        plan.ShouldContain("customer_id=? AND event_name=? AND timestamp_micros>? AND timestamp_micros<?");
    }

    private string Explain(string sql)
    {
        _ = factory.Server;
        using var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var name in Regex.Matches(sql, @"[@$]\w+").Select(match => match.Value).Distinct())
        {
            command.Parameters.AddWithValue(name, ValueOf(name));
        }

        var steps = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            steps.Add(reader.GetString(3));
        }

        return string.Join(" | ", steps);
    }

    private static object ValueOf(string parameter) => parameter[1..] switch
    {
        "ef_filter__CurrentEnvironment" or "environment" => "test",
        "p" => 100,
        "now" or "cutoff" or "dueBefore" => "2026-06-01T00:00:00.0000000Z",
        "customers" => """["cus_1","cus_2"]""",
        "event" => "api_call",
        "from" => 0L,
        "to" => 100L,
        var name when name.StartsWith("ids", StringComparison.Ordinal) => "sub_" + name[3..],
        _ => throw new ArgumentOutOfRangeException(nameof(parameter), parameter, "no value for this parameter"),
    };
}
