using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Billing.Metering.Infrastructure.Persistence.Postgres.Migrations
{
    /// <inheritdoc />
    internal partial class CreateSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "metering");

            migrationBuilder.CreateTable(
                name: "audit_log",
                schema: "metering",
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
                name: "meters",
                schema: "metering",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    display_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    event_name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    aggregation = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    property = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    environment = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meters", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outbox",
                schema: "metering",
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
                name: "usage_events",
                schema: "metering",
                columns: table => new
                {
                    sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    event_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    customer_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    external_customer_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    event_name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    timestamp_micros = table.Column<long>(type: "bigint", nullable: false),
                    properties = table.Column<string>(type: "text", nullable: false),
                    value_micros = table.Column<long>(type: "bigint", nullable: true),
                    unique_key = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    payload_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    environment = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_usage_events", x => x.sequence);
                });

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_environment_entity_type_entity_id_sequence",
                schema: "metering",
                table: "audit_log",
                columns: new[] { "environment", "entity_type", "entity_id", "sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_id",
                schema: "metering",
                table: "audit_log",
                column: "id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_meters_environment_code",
                schema: "metering",
                table: "meters",
                columns: new[] { "environment", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_meters_environment_event_name",
                schema: "metering",
                table: "meters",
                columns: new[] { "environment", "event_name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_outbox_id",
                schema: "metering",
                table: "outbox",
                column: "id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_outbox_processed_at_sequence",
                schema: "metering",
                table: "outbox",
                columns: new[] { "processed_at", "sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_usage_events_environment_customer_id_event_name_timestamp_m~",
                schema: "metering",
                table: "usage_events",
                columns: new[] { "environment", "customer_id", "event_name", "timestamp_micros", "value_micros" });

            migrationBuilder.CreateIndex(
                name: "IX_usage_events_environment_event_id",
                schema: "metering",
                table: "usage_events",
                columns: new[] { "environment", "event_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_log",
                schema: "metering");

            migrationBuilder.DropTable(
                name: "meters",
                schema: "metering");

            migrationBuilder.DropTable(
                name: "outbox",
                schema: "metering");

            migrationBuilder.DropTable(
                name: "usage_events",
                schema: "metering");
        }
    }
}
