using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Billing.Invoicing.Infrastructure.Persistence.Migrations;

/// <summary>
/// The indexes behind an ordered read end with the id, the order's tie-breaker, so SQLite walks
/// them in order instead of sorting every tie (10,000 drafts finalizing at the same instant), once
/// it knows the environment is not selective (docs-adr/0024). Written by hand (docs-adr/0008).
/// </summary>
[DbContext(typeof(InvoicingDbContext))]
[Migration("20261122020000_EndKeysetIndexesWithId")]
internal sealed class EndKeysetIndexesWithId : Migration
{
    private static readonly (string Table, string[] Columns)[] Widened =
    [
        ("invoicing_invoices", ["environment", "customer_id", "created_at"]),
        ("invoicing_invoices", ["environment", "status", "created_at"]),
        ("invoicing_invoices", ["environment", "status", "finalizes_at"]),
        ("invoicing_subscriptions", ["environment", "unbilled_period_end"]),
    ];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var (table, columns) in Widened)
        {
            migrationBuilder.DropIndex(Name(table, columns), table);
            migrationBuilder.CreateIndex(Name(table, [.. columns, "id"]), table, [.. columns, "id"]);
        }
    }

    private static string Name(string table, string[] columns) => $"IX_{table}_{string.Join('_', columns)}";
}
