using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Billing.Invoicing.Infrastructure.Persistence.Migrations;

/// <summary>
/// INV-11: the past-due job's read (open invoices due by a day, by due date and id) had no index of
/// its own and sorted every open invoice on each batch. A partial index holds open invoices only.
/// Written by hand (docs-adr/0008).
/// </summary>
[DbContext(typeof(InvoicingDbContext))]
[Migration("20261122030000_IndexOpenInvoicesByDueDate")]
internal sealed class IndexOpenInvoicesByDueDate : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateIndex(
            "IX_invoicing_invoices_environment_due_date_id", "invoicing_invoices", ["environment", "due_date", "id"], filter: "status = 'Open'");
}
