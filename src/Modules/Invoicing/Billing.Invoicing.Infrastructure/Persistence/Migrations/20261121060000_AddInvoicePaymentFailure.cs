using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Billing.Invoicing.Infrastructure.Persistence.Migrations;

/// <summary>PAY-5: an invoice records why its payment failed. Written by hand (docs-adr/0008).</summary>
[DbContext(typeof(InvoicingDbContext))]
[Migration("20261121060000_AddInvoicePaymentFailure")]
internal sealed class AddInvoicePaymentFailure : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("payment_failure", "invoicing_invoices", type: "TEXT", maxLength: 100, nullable: true);
        migrationBuilder.AddColumn<string>("payment_failed_at", "invoicing_invoices", type: "TEXT", nullable: true);
    }
}
