using Billing.BuildingBlocks.Infrastructure.Persistence;
using Billing.BuildingBlocks.Infrastructure.Persistence.Sqlite;

namespace Billing.BuildingBlocks.Tests;

/// <summary>docs-adr/0024: SQLite's default figures, except where a column has a handful of values (environment, status).</summary>
public sealed class PlannerStatisticsTests
{
    [Theory]
    [InlineData(false, new[] { "environment", "status", "created_at", "id" }, "1000000 500000 62500 10 9")]
    [InlineData(false, new[] { "environment", "customer_id", "created_at", "id" }, "1000000 500000 10 9 8")]
    [InlineData(true, new[] { "environment", "external_id" }, "1000000 500000 1")]
    [InlineData(true, new[] { "id" }, "1000000 1")]
    [InlineData(false, new[] { "processed_at", "sequence" }, "1000000 10 9")]
    [InlineData(false, new[] { "environment", "a", "b", "c", "d", "e", "f" }, "1000000 500000 10 9 8 7 6 5")]
    public void Each_index_gets_the_default_estimates_with_the_environment_unselective(bool unique, string[] columns, string stat)
    {
        PlannerStatistics.Stat(new PlannerStatistics.IndexShape("t", "ix", unique, [.. columns])).ShouldBe(stat);
    }
}
