using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Billing.Invoicing.Infrastructure.Persistence.Postgres.Migrations
{
    /// <inheritdoc />
    internal partial class CreateSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "invoicing");

            migrationBuilder.CreateTable(
                name: "audit_log",
                schema: "invoicing",
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
                name: "invoice_numbers",
                schema: "invoicing",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    last = table.Column<long>(type: "bigint", nullable: false),
                    environment = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_invoice_numbers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "invoices",
                schema: "invoicing",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    sequence = table.Column<long>(type: "bigint", nullable: true),
                    number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    customer_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    customer_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    customer_external_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    subscription_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    plan_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    plan_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    plan_version = table.Column<int>(type: "integer", nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    period_start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    period_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    usage_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    generation = table.Column<int>(type: "integer", nullable: false),
                    first_of_subscription = table.Column<bool>(type: "boolean", nullable: false),
                    collection_method = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    net_terms_days = table.Column<int>(type: "integer", nullable: false),
                    tax_rate = table.Column<decimal>(type: "numeric", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    finalizes_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    due_date = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    paid_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    voided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    status_reason = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: true),
                    replaces_invoice_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    replaced_by_invoice_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    payment_failure = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    payment_failed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    subtotal = table.Column<decimal>(type: "numeric", nullable: false),
                    tax = table.Column<decimal>(type: "numeric", nullable: false),
                    total = table.Column<decimal>(type: "numeric", nullable: false),
                    environment = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_invoices", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "notifications",
                schema: "invoicing",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    audience = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    invoice_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    customer_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    payload = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    environment = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notifications", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outbox",
                schema: "invoicing",
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
                name: "plans",
                schema: "invoicing",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    interval = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    environment = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plans", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "settings",
                schema: "invoicing",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    close_delay = table.Column<TimeSpan>(type: "interval", nullable: false),
                    grace = table.Column<string>(type: "text", nullable: false),
                    default_net_terms_days = table.Column<int>(type: "integer", nullable: false),
                    late_usage_window = table.Column<TimeSpan>(type: "interval", nullable: false),
                    late_usage_look_back = table.Column<TimeSpan>(type: "interval", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    environment = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_settings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "subscriptions",
                schema: "invoicing",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    customer_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    plan_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    start_date = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    anchor_day = table.Column<int>(type: "integer", nullable: false),
                    collection_method = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    net_terms_days = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    unbilled_period_start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    unbilled_period_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    environment = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subscriptions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "webhook_deliveries",
                schema: "invoicing",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    notification_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    endpoint_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    delivered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_status_code = table.Column<int>(type: "integer", nullable: true),
                    last_error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    environment = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_webhook_deliveries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "webhook_endpoints",
                schema: "invoicing",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    secret = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    disabled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    environment = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_webhook_endpoints", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "invoice_lines",
                schema: "invoicing",
                columns: table => new
                {
                    position = table.Column<int>(type: "integer", nullable: false),
                    invoice_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    description = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    quantity = table.Column<decimal>(type: "numeric", nullable: false),
                    amount = table.Column<decimal>(type: "numeric", nullable: false),
                    computation = table.Column<string>(type: "text", nullable: false),
                    service_start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    service_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_invoice_lines", x => new { x.invoice_id, x.position });
                    table.ForeignKey(
                        name: "FK_invoice_lines_invoices_invoice_id",
                        column: x => x.invoice_id,
                        principalSchema: "invoicing",
                        principalTable: "invoices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_versions",
                schema: "invoicing",
                columns: table => new
                {
                    number = table.Column<int>(type: "integer", nullable: false),
                    plan_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    effective_from = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    fees = table.Column<string>(type: "text", nullable: false),
                    charges = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_versions", x => new { x.plan_id, x.number });
                    table.ForeignKey(
                        name: "FK_plan_versions_plans_plan_id",
                        column: x => x.plan_id,
                        principalSchema: "invoicing",
                        principalTable: "plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_environment_entity_type_entity_id_sequence",
                schema: "invoicing",
                table: "audit_log",
                columns: new[] { "environment", "entity_type", "entity_id", "sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_id",
                schema: "invoicing",
                table: "audit_log",
                column: "id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_invoices_environment_created_at_id",
                schema: "invoicing",
                table: "invoices",
                columns: new[] { "environment", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_invoices_environment_customer_id_created_at_id",
                schema: "invoicing",
                table: "invoices",
                columns: new[] { "environment", "customer_id", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_invoices_environment_due_date_id",
                schema: "invoicing",
                table: "invoices",
                columns: new[] { "environment", "due_date", "id" },
                filter: "status = 'Open'");

            migrationBuilder.CreateIndex(
                name: "IX_invoices_environment_number",
                schema: "invoicing",
                table: "invoices",
                columns: new[] { "environment", "number" });

            migrationBuilder.CreateIndex(
                name: "IX_invoices_environment_sequence",
                schema: "invoicing",
                table: "invoices",
                columns: new[] { "environment", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_invoices_environment_status_created_at_id",
                schema: "invoicing",
                table: "invoices",
                columns: new[] { "environment", "status", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_invoices_environment_status_finalizes_at_id",
                schema: "invoicing",
                table: "invoices",
                columns: new[] { "environment", "status", "finalizes_at", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_invoices_environment_subscription_id_period_start_generation",
                schema: "invoicing",
                table: "invoices",
                columns: new[] { "environment", "subscription_id", "period_start", "generation" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_notifications_environment_invoice_id",
                schema: "invoicing",
                table: "notifications",
                columns: new[] { "environment", "invoice_id" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_id",
                schema: "invoicing",
                table: "outbox",
                column: "id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_outbox_processed_at_sequence",
                schema: "invoicing",
                table: "outbox",
                columns: new[] { "processed_at", "sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_plans_environment_code",
                schema: "invoicing",
                table: "plans",
                columns: new[] { "environment", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_subscriptions_environment_customer_id_plan_id",
                schema: "invoicing",
                table: "subscriptions",
                columns: new[] { "environment", "customer_id", "plan_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_subscriptions_environment_unbilled_period_end_id",
                schema: "invoicing",
                table: "subscriptions",
                columns: new[] { "environment", "unbilled_period_end", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_webhook_deliveries_environment_next_attempt_at",
                schema: "invoicing",
                table: "webhook_deliveries",
                columns: new[] { "environment", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "IX_webhook_deliveries_environment_notification_id",
                schema: "invoicing",
                table: "webhook_deliveries",
                columns: new[] { "environment", "notification_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_log",
                schema: "invoicing");

            migrationBuilder.DropTable(
                name: "invoice_lines",
                schema: "invoicing");

            migrationBuilder.DropTable(
                name: "invoice_numbers",
                schema: "invoicing");

            migrationBuilder.DropTable(
                name: "notifications",
                schema: "invoicing");

            migrationBuilder.DropTable(
                name: "outbox",
                schema: "invoicing");

            migrationBuilder.DropTable(
                name: "plan_versions",
                schema: "invoicing");

            migrationBuilder.DropTable(
                name: "settings",
                schema: "invoicing");

            migrationBuilder.DropTable(
                name: "subscriptions",
                schema: "invoicing");

            migrationBuilder.DropTable(
                name: "webhook_deliveries",
                schema: "invoicing");

            migrationBuilder.DropTable(
                name: "webhook_endpoints",
                schema: "invoicing");

            migrationBuilder.DropTable(
                name: "invoices",
                schema: "invoicing");

            migrationBuilder.DropTable(
                name: "plans",
                schema: "invoicing");
        }
    }
}
