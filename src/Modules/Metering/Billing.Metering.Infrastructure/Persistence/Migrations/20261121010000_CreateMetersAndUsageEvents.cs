using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Billing.Metering.Infrastructure.Persistence.Migrations;

/// <summary>Written by hand (docs-adr/0008); MigrationsMatchModelTests proves it matches the model.</summary>
[DbContext(typeof(MeteringDbContext))]
[Migration("20261121010000_CreateMetersAndUsageEvents")]
internal sealed class CreateMetersAndUsageEvents : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        const string meters = "metering_meters";
        migrationBuilder.CreateTable(
            name: meters,
            columns: columns => new
            {
                id = columns.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                code = columns.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                display_name = columns.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                event_name = columns.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                aggregation = columns.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                property = columns.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                created_at = columns.Column<string>(type: "TEXT", nullable: false),
                environment = columns.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
            },
            constraints: constraints => constraints.PrimaryKey($"PK_{meters}", row => row.id));
        migrationBuilder.CreateIndex(name: $"IX_{meters}_environment_code", table: meters, columns: ["environment", "code"], unique: true);
        migrationBuilder.CreateIndex(name: $"IX_{meters}_environment_event_name", table: meters, columns: ["environment", "event_name"], unique: true);

        const string events = MeteringDbContext.UsageEventsTable;
        migrationBuilder.CreateTable(
            name: events,
            columns: columns => new
            {
                sequence = columns.Column<long>(type: "INTEGER", nullable: false),
                event_id = columns.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                customer_id = columns.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                external_customer_id = columns.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                event_name = columns.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                timestamp_micros = columns.Column<long>(type: "INTEGER", nullable: false),
                properties = columns.Column<string>(type: "TEXT", nullable: false),
                value_micros = columns.Column<long>(type: "INTEGER", nullable: true),
                unique_key = columns.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                payload_hash = columns.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                received_at = columns.Column<string>(type: "TEXT", nullable: false),
                environment = columns.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
            },
            constraints: constraints => constraints.PrimaryKey($"PK_{events}", row => row.sequence));
        migrationBuilder.CreateIndex(
            name: $"IX_{events}_environment_customer_id_event_name_timestamp_micros_value_micros",
            table: events,
            columns: ["environment", "customer_id", "event_name", "timestamp_micros", "value_micros"]);
        migrationBuilder.CreateIndex(name: $"IX_{events}_environment_event_id", table: events, columns: ["environment", "event_id"], unique: true);
    }
}
