using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Billing.BuildingBlocks.Infrastructure.Persistence.Platform.Migrations;

/// <summary>docs-adr/0042: the key ring's table. Written by hand (docs-adr/0008).</summary>
[DbContext(typeof(PlatformDbContext))]
[Migration("20261207030000_CreateKeyRing")]
internal sealed class CreateKeyRing : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        const string table = PlatformDbContext.Table;
        migrationBuilder.CreateTable(
            name: table,
            columns: columns => new
            {
                id = columns.Column<int>(type: "INTEGER", nullable: false),
                friendly_name = columns.Column<string>(type: "TEXT", nullable: true),
                xml = columns.Column<string>(type: "TEXT", nullable: true),
            },
            constraints: constraints => constraints.PrimaryKey($"PK_{table}", row => row.id));
    }
}
