using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Billing.Payments.Infrastructure.Persistence.Migrations;

/// <summary>PAY-1..8. Written by hand (docs-adr/0008); MigrationsMatchModelTests proves it matches the model.</summary>
[DbContext(typeof(PaymentsDbContext))]
[Migration("20261121060000_CreateProviderTables")]
internal sealed class CreateProviderTables : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "payments_stripe_connections",
            columns: columns => new
            {
                id = columns.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                protected_secret_key = columns.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                secret_key_hint = columns.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                protected_webhook_secret = columns.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                updated_at = columns.Column<string>(type: "TEXT", nullable: false),
                environment = columns.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
            },
            constraints: constraints => constraints.PrimaryKey("PK_payments_stripe_connections", row => row.id));

        migrationBuilder.CreateTable(
            name: "payments_provider_invoices",
            columns: columns => new
            {
                id = columns.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                customer_id = columns.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                provider_customer_id = columns.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                provider_invoice_id = columns.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                status = columns.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                items_sent = columns.Column<int>(type: "INTEGER", nullable: false),
                collection_attempts = columns.Column<int>(type: "INTEGER", nullable: false),
                void_requested = columns.Column<bool>(type: "INTEGER", nullable: false),
                failure_reason = columns.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                failure_message = columns.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                created_at = columns.Column<string>(type: "TEXT", nullable: false),
                updated_at = columns.Column<string>(type: "TEXT", nullable: false),
                environment = columns.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
            },
            constraints: constraints => constraints.PrimaryKey("PK_payments_provider_invoices", row => row.id));
        migrationBuilder.CreateIndex(
            "IX_payments_provider_invoices_environment_provider_invoice_id", "payments_provider_invoices", ["environment", "provider_invoice_id"]);

        migrationBuilder.CreateTable(
            name: "payments_provider_operations",
            columns: columns => new
            {
                sequence = columns.Column<long>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                id = columns.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                kind = columns.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                subject_id = columns.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                argument = columns.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                status = columns.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                attempts = columns.Column<int>(type: "INTEGER", nullable: false),
                next_attempt_at = columns.Column<string>(type: "TEXT", nullable: false),
                last_error = columns.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                created_at = columns.Column<string>(type: "TEXT", nullable: false),
                completed_at = columns.Column<string>(type: "TEXT", nullable: true),
                environment = columns.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
            },
            constraints: constraints => constraints.PrimaryKey("PK_payments_provider_operations", row => row.sequence));
        migrationBuilder.CreateIndex("IX_payments_provider_operations_id", "payments_provider_operations", ["id"], unique: true);
        migrationBuilder.CreateIndex(
            "IX_payments_provider_operations_environment_kind_subject_id_argument",
            "payments_provider_operations",
            ["environment", "kind", "subject_id", "argument"],
            unique: true);
        migrationBuilder.CreateIndex(
            "IX_payments_provider_operations_environment_status_next_attempt_at", "payments_provider_operations", ["environment", "status", "next_attempt_at"]);
        migrationBuilder.CreateIndex(
            "IX_payments_provider_operations_environment_subject_id", "payments_provider_operations", ["environment", "subject_id"]);

        migrationBuilder.CreateTable(
            name: "payments_provider_event_receipts",
            columns: columns => new
            {
                id = columns.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                event_id = columns.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                type = columns.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                received_at = columns.Column<string>(type: "TEXT", nullable: false),
                environment = columns.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
            },
            constraints: constraints => constraints.PrimaryKey("PK_payments_provider_event_receipts", row => row.id));
        migrationBuilder.CreateIndex(
            "IX_payments_provider_event_receipts_environment_event_id", "payments_provider_event_receipts", ["environment", "event_id"], unique: true);
    }
}
