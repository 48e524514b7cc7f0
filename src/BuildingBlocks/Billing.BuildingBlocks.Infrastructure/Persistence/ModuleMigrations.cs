using Microsoft.EntityFrameworkCore.Migrations;

namespace Billing.BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// The tables <see cref="ModuleDbContext"/> gives every module (outbox and audit log), for each
/// module's first migration. Migrations are written by hand (docs-adr/0008); a test proves that
/// migrating yields exactly the schema the model describes.
/// </summary>
public static class ModuleMigrations
{
    public static void CreateOutboxAndAuditLog(this MigrationBuilder migrationBuilder, string schema)
    {
        var outbox = $"{schema}_outbox";
        migrationBuilder.CreateTable(
            name: outbox,
            columns: table => new
            {
                sequence = table.Column<long>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                id = table.Column<Guid>(type: "TEXT", nullable: false),
                type = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                payload = table.Column<string>(type: "TEXT", nullable: false),
                occurred_at = table.Column<string>(type: "TEXT", nullable: false),
                processed_at = table.Column<string>(type: "TEXT", nullable: true),
                attempts = table.Column<int>(type: "INTEGER", nullable: false),
                next_attempt_at = table.Column<string>(type: "TEXT", nullable: true),
                last_error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                environment = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
            },
            constraints: table => table.PrimaryKey($"PK_{outbox}", row => row.sequence));
        migrationBuilder.CreateIndex(name: $"IX_{outbox}_id", table: outbox, column: "id", unique: true);
        migrationBuilder.CreateIndex(name: $"IX_{outbox}_processed_at_sequence", table: outbox, columns: ["processed_at", "sequence"]);

        var audit = $"{schema}_audit_log";
        migrationBuilder.CreateTable(
            name: audit,
            columns: table => new
            {
                sequence = table.Column<long>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                occurred_at = table.Column<string>(type: "TEXT", nullable: false),
                actor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                entity_type = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                entity_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                action = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                changes = table.Column<string>(type: "TEXT", nullable: false),
                reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                environment = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
            },
            constraints: table => table.PrimaryKey($"PK_{audit}", row => row.sequence));
        migrationBuilder.CreateIndex(name: $"IX_{audit}_id", table: audit, column: "id", unique: true);
        migrationBuilder.CreateIndex(name: $"IX_{audit}_environment_entity_type_entity_id_sequence", table: audit, columns: ["environment", "entity_type", "entity_id", "sequence"]);
    }
}
