using Billing.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Billing.Customers.Infrastructure.Persistence.Migrations;

/// <summary>Written by hand (docs-adr/0008); MigrationsMatchModelTests proves it matches the model.</summary>
[DbContext(typeof(CustomersDbContext))]
[Migration("20261121000000_CreateCustomers")]
internal sealed class CreateCustomers : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateOutboxAndAuditLog(CustomersDbContext.SchemaName);

        const string table = "customers_customers";
        migrationBuilder.CreateTable(
            name: table,
            columns: columns => new
            {
                id = columns.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                external_id = columns.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                currency = columns.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                kind = columns.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                name = columns.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                email = columns.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                tax_rate = columns.Column<decimal>(type: "TEXT", precision: 7, scale: 4, nullable: false),
                stripe_customer_id = columns.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                status = columns.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                created_at = columns.Column<string>(type: "TEXT", nullable: false),
                updated_at = columns.Column<string>(type: "TEXT", nullable: false),
                archived_at = columns.Column<string>(type: "TEXT", nullable: true),
                environment = columns.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                notification_preferences_invoice_issued = columns.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                notification_preferences_past_due = columns.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                notification_preferences_payment_failed = columns.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
            },
            constraints: constraints => constraints.PrimaryKey($"PK_{table}", row => row.id));

        migrationBuilder.CreateIndex(
            name: $"IX_{table}_environment_created_at_id",
            table: table,
            columns: ["environment", "created_at", "id"]);
        migrationBuilder.CreateIndex(
            name: $"IX_{table}_environment_external_id",
            table: table,
            columns: ["environment", "external_id"],
            unique: true);
    }
}
