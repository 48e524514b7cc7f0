using System;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Billing.Invoicing.Infrastructure.Persistence.Postgres.Migrations;

/// <summary>INV-16: the customers' balance ledger. The model snapshot carries the same table.</summary>
[DbContext(typeof(InvoicingDbContext))]
[Migration("20261208030000_CreateBalanceEntries")]
internal sealed class CreateBalanceEntries : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "balance_entries",
            schema: "invoicing",
            columns: table => new
            {
                id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                customer_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                amount = table.Column<decimal>(type: "numeric", nullable: false),
                currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                invoice_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                invoice_number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                environment = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_balance_entries", row => row.id));
        migrationBuilder.CreateIndex(
            name: "IX_balance_entries_environment_invoice_id_kind", schema: "invoicing", table: "balance_entries",
            columns: ["environment", "invoice_id", "kind"], unique: true);
        migrationBuilder.CreateIndex(
            name: "IX_balance_entries_environment_customer_id_created_at", schema: "invoicing", table: "balance_entries",
            columns: ["environment", "customer_id", "created_at"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropTable(name: "balance_entries", schema: "invoicing");
}
