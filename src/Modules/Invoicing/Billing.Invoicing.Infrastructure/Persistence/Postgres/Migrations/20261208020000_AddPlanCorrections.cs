using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Billing.Invoicing.Infrastructure.Persistence.Postgres.Migrations;

/// <summary>PLN-7: a plan version may correct past prices, with the reason. The model snapshot carries the same column.</summary>
[DbContext(typeof(InvoicingDbContext))]
[Migration("20261208020000_AddPlanCorrections")]
internal sealed class AddPlanCorrections : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>(
            name: "correction_reason", schema: "invoicing", table: "plan_versions", type: "character varying(500)", maxLength: 500, nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn(name: "correction_reason", schema: "invoicing", table: "plan_versions");
}
