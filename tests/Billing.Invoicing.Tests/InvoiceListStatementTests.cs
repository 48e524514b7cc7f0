using Billing.BuildingBlocks.Application.Paging;
using Billing.BuildingBlocks.Infrastructure.Modules;
using Billing.BuildingBlocks.Infrastructure.Persistence;
using Billing.BuildingBlocks.Infrastructure.Persistence.Sqlite;
using Billing.Invoicing.Application.Invoices.ListInvoices;
using Billing.Invoicing.Infrastructure;
using Billing.Invoicing.Infrastructure.Persistence;
using Billing.Invoicing.Infrastructure.Persistence.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Billing.Invoicing.Tests;

/// <summary>
/// docs-adr/0025: the list's plain statement, for each shape of filters, walks an index already in
/// its order (newest first, id breaking ties) and never sorts, on the Invoicing tables as the host
/// migrates them, with the planner statistics it writes (docs-adr/0024).
/// </summary>
public sealed class InvoiceListStatementTests : IAsyncLifetime
{
    private static readonly NewestFirstCursor After = new(new DateTimeOffset(2026, 6, 1, 1, 0, 0, TimeSpan.Zero), "inv_1");

    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), "billing-tests", $"invoice-list-{Guid.NewGuid():N}.db");
    private ServiceProvider? _services;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_databasePath)!);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Billing"] = $"Data Source={_databasePath}" })
            .Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddBillingPlatform(configuration).AddInvoicingModule();
        _services = services.BuildServiceProvider();
        await _services.MigrateBillingDatabaseAsync();
    }

    public async Task DisposeAsync()
    {
        await _services!.DisposeAsync();
        SqliteConnection.ClearAllPools();
        File.Delete(_databasePath);
    }

    [Theory]
    [InlineData(null, null, false, "IX_invoicing_invoices_environment_created_at_id (environment=?)")]
    [InlineData(null, "open", false, "IX_invoicing_invoices_environment_status_created_at_id (environment=? AND status=?)")]
    [InlineData(null, "open", true, "IX_invoicing_invoices_environment_status_created_at_id (environment=? AND status=? AND (created_at,id)<(?,?))")]
    [InlineData("cus_1", null, true, "IX_invoicing_invoices_environment_customer_id_created_at_id (environment=? AND customer_id=? AND (created_at,id)<(?,?))")]
    [InlineData("cus_1", "open", false, "(environment=? AND customer_id=?)")]
    [InlineData(null, null, true, "IX_invoicing_invoices_environment_created_at_id (environment=? AND (created_at,id)<(?,?))")]
    public void A_page_walks_the_index_of_its_filters_in_order_without_sorting(string? customer, string? status, bool afterCursor, string search)
    {
        var plan = Explain(new ListInvoicesQuery(customer, status, null, null, null, 50, null), afterCursor ? After : null, rows: 51);

        plan.ShouldContain(search);
        plan.ShouldNotContain("TEMP B-TREE");
    }

    [Fact]
    public void A_date_range_and_a_search_still_read_newest_first_without_sorting()
    {
        var query = new ListInvoicesQuery(null, null, DateTimeOffset.Parse("2026-06-01T00:00:00Z"), DateTimeOffset.Parse("2026-07-01T00:00:00Z"), "acme", 50, null);

        var plan = Explain(query, After, rows: 51);

        plan.ShouldContain("IX_invoicing_invoices_environment_created_at_id (environment=? AND created_at>? AND created_at<?)");
        plan.ShouldNotContain("TEMP B-TREE");
    }

    [Fact]
    public void The_export_reads_every_row_of_its_filters_the_same_way()
    {
        var plan = Explain(new ListInvoicesQuery(null, "paid", null, null, null, null, null), after: null, rows: null);

        plan.ShouldContain("IX_invoicing_invoices_environment_status_created_at_id (environment=? AND status=?)");
        plan.ShouldNotContain("TEMP B-TREE");
    }

    private string Explain(ListInvoicesQuery query, NewestFirstCursor? after, int? rows)
    {
        var statement = new InvoiceListStatement("test", query, after, rows, SqliteInvoiceListDialect.Instance);
        using var connection = _services!.GetRequiredService<BillingDatabaseOptions>().OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + statement.Sql;
        foreach (var (name, value) in statement.Values)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var steps = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            steps.Add(reader.GetString(3));
        }

        return string.Join(" | ", steps);
    }
}
