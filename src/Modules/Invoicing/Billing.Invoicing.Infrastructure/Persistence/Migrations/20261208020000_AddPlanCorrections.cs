using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Billing.Invoicing.Infrastructure.Persistence.Migrations;

/// <summary>PLN-7: a plan version may correct past prices, with the reason. Written by hand (docs-adr/0008).</summary>
[DbContext(typeof(InvoicingDbContext))]
[Migration("20261208020000_AddPlanCorrections")]
internal sealed class AddPlanCorrections : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>(name: "correction_reason", table: "invoicing_plan_versions", type: "TEXT", maxLength: 500, nullable: true);
}
