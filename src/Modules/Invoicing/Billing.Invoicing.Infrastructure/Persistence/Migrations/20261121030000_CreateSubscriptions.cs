using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Billing.Invoicing.Infrastructure.Persistence.Migrations;

/// <summary>Written by hand (docs-adr/0008); MigrationsMatchModelTests proves it matches the model.</summary>
[DbContext(typeof(InvoicingDbContext))]
[Migration("20261121030000_CreateSubscriptions")]
internal sealed class CreateSubscriptions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        const string table = "invoicing_subscriptions";
        migrationBuilder.CreateTable(
            name: table,
            columns: columns => new
            {
                id = columns.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                customer_id = columns.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                plan_id = columns.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                start_date = columns.Column<string>(type: "TEXT", nullable: false),
                anchor_day = columns.Column<int>(type: "INTEGER", nullable: false),
                collection_method = columns.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                net_terms_days = columns.Column<int>(type: "INTEGER", nullable: false),
                created_at = columns.Column<string>(type: "TEXT", nullable: false),
                environment = columns.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
            },
            constraints: constraints => constraints.PrimaryKey($"PK_{table}", row => row.id));
        migrationBuilder.CreateIndex(name: $"IX_{table}_environment_customer_id_plan_id", table: table, columns: ["environment", "customer_id", "plan_id"], unique: true);
    }
}
