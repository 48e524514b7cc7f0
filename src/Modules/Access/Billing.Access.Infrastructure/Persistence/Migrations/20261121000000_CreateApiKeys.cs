using Billing.Access.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Billing.Access.Infrastructure.Persistence.Migrations;

/// <summary>Written by hand (docs-adr/0008); MigrationsMatchModelTests proves it matches the model.</summary>
[DbContext(typeof(AccessDbContext))]
[Migration("20261121000000_CreateApiKeys")]
internal sealed class CreateApiKeys : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        const string table = "access_api_keys";
        migrationBuilder.CreateTable(
            name: table,
            columns: columns => new
            {
                id = columns.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                name = columns.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                environment = columns.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                role = columns.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                hash = columns.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                prefix = columns.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                source = columns.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                created_at = columns.Column<string>(type: "TEXT", nullable: false),
                revoked_at = columns.Column<string>(type: "TEXT", nullable: true),
            },
            constraints: constraints => constraints.PrimaryKey($"PK_{table}", row => row.id));
        migrationBuilder.CreateIndex(name: $"IX_{table}_environment_created_at", table: table, columns: ["environment", "created_at"]);
        migrationBuilder.CreateIndex(name: $"IX_{table}_hash", table: table, column: "hash", unique: true);
    }
}
