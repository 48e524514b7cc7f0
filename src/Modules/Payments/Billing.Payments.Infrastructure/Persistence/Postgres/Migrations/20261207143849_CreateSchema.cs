using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Billing.Payments.Infrastructure.Persistence.Postgres.Migrations
{
    /// <inheritdoc />
    internal partial class CreateSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "payments");

            migrationBuilder.CreateTable(
                name: "audit_log",
                schema: "payments",
                columns: table => new
                {
                    sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    entity_type = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    entity_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    action = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    changes = table.Column<string>(type: "text", nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    environment = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_log", x => x.sequence);
                });

            migrationBuilder.CreateTable(
                name: "outbox",
                schema: "payments",
                columns: table => new
                {
                    sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    payload = table.Column<string>(type: "text", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    environment = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox", x => x.sequence);
                });

            migrationBuilder.CreateTable(
                name: "provider_event_receipts",
                schema: "payments",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    event_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    environment = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_provider_event_receipts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "provider_invoices",
                schema: "payments",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    customer_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    provider_customer_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    provider_invoice_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    items_sent = table.Column<int>(type: "integer", nullable: false),
                    collection_attempts = table.Column<int>(type: "integer", nullable: false),
                    void_requested = table.Column<bool>(type: "boolean", nullable: false),
                    failure_reason = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    failure_message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    environment = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_provider_invoices", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "provider_operations",
                schema: "payments",
                columns: table => new
                {
                    sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    subject_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    argument = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    environment = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_provider_operations", x => x.sequence);
                });

            migrationBuilder.CreateTable(
                name: "stripe_connections",
                schema: "payments",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    protected_secret_key = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    secret_key_hint = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    protected_webhook_secret = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    environment = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stripe_connections", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_environment_entity_type_entity_id_sequence",
                schema: "payments",
                table: "audit_log",
                columns: new[] { "environment", "entity_type", "entity_id", "sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_id",
                schema: "payments",
                table: "audit_log",
                column: "id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_outbox_id",
                schema: "payments",
                table: "outbox",
                column: "id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_outbox_processed_at_sequence",
                schema: "payments",
                table: "outbox",
                columns: new[] { "processed_at", "sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_provider_event_receipts_environment_event_id",
                schema: "payments",
                table: "provider_event_receipts",
                columns: new[] { "environment", "event_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_provider_invoices_environment_provider_invoice_id",
                schema: "payments",
                table: "provider_invoices",
                columns: new[] { "environment", "provider_invoice_id" });

            migrationBuilder.CreateIndex(
                name: "IX_provider_operations_environment_kind_subject_id_argument",
                schema: "payments",
                table: "provider_operations",
                columns: new[] { "environment", "kind", "subject_id", "argument" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_provider_operations_environment_status_next_attempt_at",
                schema: "payments",
                table: "provider_operations",
                columns: new[] { "environment", "status", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "IX_provider_operations_environment_subject_id",
                schema: "payments",
                table: "provider_operations",
                columns: new[] { "environment", "subject_id" });

            migrationBuilder.CreateIndex(
                name: "IX_provider_operations_id",
                schema: "payments",
                table: "provider_operations",
                column: "id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_log",
                schema: "payments");

            migrationBuilder.DropTable(
                name: "outbox",
                schema: "payments");

            migrationBuilder.DropTable(
                name: "provider_event_receipts",
                schema: "payments");

            migrationBuilder.DropTable(
                name: "provider_invoices",
                schema: "payments");

            migrationBuilder.DropTable(
                name: "provider_operations",
                schema: "payments");

            migrationBuilder.DropTable(
                name: "stripe_connections",
                schema: "payments");
        }
    }
}
