using Billing.Host.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Billing.Host.Tests;

/// <summary>
/// docs-adr/0024: the plans SQLite chooses for the reads a page or a cycle repeats, on the migrated
/// database with the statistics the host writes. The statements have the shape EF Core gives the
/// repositories' queries; a plan that walks a whole environment or sorts it is the failure.
/// </summary>
public sealed class QueryPlanTests(BillingApiFactory factory) : IClassFixture<BillingApiFactory>
{
    /// <summary>A page of open invoices; a cycle's due drafts, which share one instant; its due subscriptions; overdue invoices.</summary>
    [Theory]
    [InlineData(
        "SELECT i.id FROM invoicing_invoices AS i WHERE i.environment = $environment AND i.status = 'Open' ORDER BY i.created_at DESC, i.id DESC LIMIT 51",
        "IX_invoicing_invoices_environment_status_created_at_id (environment=? AND status=?)")]
    [InlineData(
        "SELECT i.id FROM invoicing_invoices AS i WHERE i.environment = $environment AND i.status = 'Draft' AND i.finalizes_at <= '2026-06-01T02:00:00.0000000Z' ORDER BY i.finalizes_at, i.id LIMIT 100",
        "IX_invoicing_invoices_environment_status_finalizes_at_id (environment=? AND status=? AND finalizes_at<?)")]
    [InlineData(
        "SELECT s.id FROM invoicing_subscriptions AS s WHERE s.environment = $environment AND s.unbilled_period_end <= '2026-06-01T00:00:00.0000000Z' AND (s.ends_at IS NULL OR s.unbilled_period_start < s.ends_at) ORDER BY s.unbilled_period_end, s.id LIMIT 100",
        "IX_invoicing_subscriptions_environment_unbilled_period_end_id (environment=? AND unbilled_period_end<?)")]
    [InlineData(
        "SELECT i.id FROM invoicing_invoices AS i WHERE i.environment = $environment AND i.status = 'Open' AND i.due_date <= '2026-07-01T00:00:00.0000000Z' ORDER BY i.due_date, i.id LIMIT 100",
        "IX_invoicing_invoices_environment_due_date_id (environment=? AND due_date<?)")]
    public void An_ordered_read_walks_its_index_in_order_without_sorting(string sql, string search)
    {
        var plan = Explain(sql);

        plan.ShouldContain(search);
        plan.ShouldNotContain("TEMP B-TREE");
    }

    [Fact]
    public void A_batch_of_subscriptions_by_id_is_looked_up_by_key()
    {
        var plan = Explain("""
            SELECT s.id FROM invoicing_subscriptions AS s
            WHERE s.environment = $environment AND s.id IN ('sub_1', 'sub_2', 'sub_3', 'sub_4', 'sub_5', 'sub_6', 'sub_7', 'sub_8', 'sub_9', 'sub_10', 'sub_11', 'sub_12')
            """);

        plan.ShouldContain("(id=?)");
        plan.ShouldNotContain("(environment=?)");
    }

    [Fact]
    public void The_usage_of_a_batch_of_customers_is_aggregated_from_the_covering_index()
    {
        var plan = Explain("""
            SELECT customer_id, COUNT(*) FROM metering_usage_events events
            WHERE customer_id IN (SELECT value FROM json_each('["cus_1","cus_2"]')) AND environment = $environment AND event_name = 'api_call'
              AND timestamp_micros >= 0 AND timestamp_micros < 100 GROUP BY customer_id
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
        command.Parameters.AddWithValue("$environment", "test");
        var steps = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            steps.Add(reader.GetString(3));
        }

        return string.Join(" | ", steps);
    }
}
