using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Billing.Invoicing.Infrastructure.Persistence.Migrations;

/// <summary>Written by hand (docs-adr/0008); MigrationsMatchModelTests proves it matches the model.</summary>
[DbContext(typeof(InvoicingDbContext))]
[Migration("20261121050000_CreateNotifications")]
internal sealed class CreateNotifications : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "invoicing_notifications",
            columns: columns => new
            {
                id = columns.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                type = columns.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                audience = columns.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                channel = columns.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                invoice_id = columns.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                customer_id = columns.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                payload = columns.Column<string>(type: "TEXT", nullable: false),
                created_at = columns.Column<string>(type: "TEXT", nullable: false),
                environment = columns.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
            },
            constraints: constraints => constraints.PrimaryKey("PK_invoicing_notifications", row => row.id));
        migrationBuilder.CreateIndex("IX_invoicing_notifications_environment_invoice_id", "invoicing_notifications", ["environment", "invoice_id"]);

        migrationBuilder.CreateTable(
            name: "invoicing_webhook_endpoints",
            columns: columns => new
            {
                id = columns.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                url = columns.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                secret = columns.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                created_at = columns.Column<string>(type: "TEXT", nullable: false),
                disabled_at = columns.Column<string>(type: "TEXT", nullable: true),
                environment = columns.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
            },
            constraints: constraints => constraints.PrimaryKey("PK_invoicing_webhook_endpoints", row => row.id));

        migrationBuilder.CreateTable(
            name: "invoicing_webhook_deliveries",
            columns: columns => new
            {
                id = columns.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                notification_id = columns.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                endpoint_id = columns.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                attempts = columns.Column<int>(type: "INTEGER", nullable: false),
                next_attempt_at = columns.Column<string>(type: "TEXT", nullable: true),
                delivered_at = columns.Column<string>(type: "TEXT", nullable: true),
                last_status_code = columns.Column<int>(type: "INTEGER", nullable: true),
                last_error = columns.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                created_at = columns.Column<string>(type: "TEXT", nullable: false),
                environment = columns.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
            },
            constraints: constraints => constraints.PrimaryKey("PK_invoicing_webhook_deliveries", row => row.id));
        migrationBuilder.CreateIndex("IX_invoicing_webhook_deliveries_environment_next_attempt_at", "invoicing_webhook_deliveries", ["environment", "next_attempt_at"]);
        migrationBuilder.CreateIndex("IX_invoicing_webhook_deliveries_environment_notification_id", "invoicing_webhook_deliveries", ["environment", "notification_id"]);
    }
}
