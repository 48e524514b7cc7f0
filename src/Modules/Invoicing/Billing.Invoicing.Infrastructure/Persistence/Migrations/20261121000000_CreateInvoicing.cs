using Billing.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Billing.Invoicing.Infrastructure.Persistence.Migrations;

/// <summary>Written by hand (docs-adr/0008); MigrationsMatchModelTests proves it matches the model.</summary>
[DbContext(typeof(InvoicingDbContext))]
[Migration("20261121000000_CreateInvoicing")]
internal sealed class CreateInvoicing : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateOutboxAndAuditLog(InvoicingDbContext.SchemaName);
}
