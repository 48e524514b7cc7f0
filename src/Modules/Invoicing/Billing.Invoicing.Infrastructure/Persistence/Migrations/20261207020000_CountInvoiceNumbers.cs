using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Billing.Invoicing.Infrastructure.Persistence.Migrations;

/// <summary>
/// INV-7, docs-adr/0039: one counter row per environment gives invoice numbers, instead of
/// MAX + 1 under SQLite's single writer; it starts where the invoices already numbered end.
/// Written by hand (docs-adr/0008).
/// </summary>
[DbContext(typeof(InvoicingDbContext))]
[Migration("20261207020000_CountInvoiceNumbers")]
internal sealed class CountInvoiceNumbers : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        const string table = InvoiceNumberCounter.Table;
        migrationBuilder.CreateTable(
            name: table,
            columns: columns => new
            {
                id = columns.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                last = columns.Column<long>(type: "INTEGER", nullable: false),
                environment = columns.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
            },
            constraints: constraints => constraints.PrimaryKey($"PK_{table}", row => row.id));
        migrationBuilder.Sql(
            $"INSERT INTO {table} (id, environment, last) SELECT environment, environment, MAX(sequence) FROM invoicing_invoices WHERE sequence IS NOT NULL GROUP BY environment;");
    }
}
