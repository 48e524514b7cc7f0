using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Billing.Invoicing.Infrastructure.Persistence.Migrations;

/// <summary>INV-16: the customers' balance ledger. Written by hand (docs-adr/0008).</summary>
[DbContext(typeof(InvoicingDbContext))]
[Migration("20261208030000_CreateBalanceEntries")]
internal sealed class CreateBalanceEntries : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        const string table = "invoicing_balance_entries";
        migrationBuilder.CreateTable(
            name: table,
            columns: columns => new
            {
                id = columns.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                customer_id = columns.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                kind = columns.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                amount = columns.Column<string>(type: "TEXT", nullable: false),
                currency = columns.Column<string>(type: "TEXT", nullable: false),
                invoice_id = columns.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                invoice_number = columns.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                created_at = columns.Column<string>(type: "TEXT", nullable: false),
                environment = columns.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
            },
            constraints: constraints => constraints.PrimaryKey($"PK_{table}", row => row.id));
        migrationBuilder.CreateIndex($"IX_{table}_environment_invoice_id_kind", table, ["environment", "invoice_id", "kind"], unique: true);
        migrationBuilder.CreateIndex($"IX_{table}_environment_customer_id_created_at", table, ["environment", "customer_id", "created_at"]);
    }
}
