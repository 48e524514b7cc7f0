using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Billing.Invoicing.Infrastructure.Persistence.Migrations;

/// <summary>Written by hand (docs-adr/0008); MigrationsMatchModelTests proves it matches the model.</summary>
[DbContext(typeof(InvoicingDbContext))]
[Migration("20261121020000_CreatePlans")]
internal sealed class CreatePlans : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        const string plans = "invoicing_plans";
        migrationBuilder.CreateTable(
            name: plans,
            columns: columns => new
            {
                id = columns.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                code = columns.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                name = columns.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                currency = columns.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                interval = columns.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                created_at = columns.Column<string>(type: "TEXT", nullable: false),
                environment = columns.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
            },
            constraints: constraints => constraints.PrimaryKey($"PK_{plans}", row => row.id));
        migrationBuilder.CreateIndex(name: $"IX_{plans}_environment_code", table: plans, columns: ["environment", "code"], unique: true);

        const string versions = "invoicing_plan_versions";
        migrationBuilder.CreateTable(
            name: versions,
            columns: columns => new
            {
                number = columns.Column<int>(type: "INTEGER", nullable: false),
                plan_id = columns.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                effective_from = columns.Column<string>(type: "TEXT", nullable: false),
                fees = columns.Column<string>(type: "TEXT", nullable: false),
                charges = columns.Column<string>(type: "TEXT", nullable: false),
                created_at = columns.Column<string>(type: "TEXT", nullable: false),
            },
            constraints: constraints =>
            {
                constraints.PrimaryKey($"PK_{versions}", row => new { row.plan_id, row.number });
                constraints.ForeignKey($"FK_{versions}_{plans}_plan_id", row => row.plan_id, plans, "id", onDelete: ReferentialAction.Cascade);
            });
    }
}
