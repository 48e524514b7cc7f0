using Billing.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Billing.Payments.Infrastructure.Persistence.Migrations;

/// <summary>Written by hand (docs-adr/0008); MigrationsMatchModelTests proves it matches the model.</summary>
[DbContext(typeof(PaymentsDbContext))]
[Migration("20261121000000_CreatePayments")]
internal sealed class CreatePayments : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateOutboxAndAuditLog(PaymentsDbContext.SchemaName);
}
