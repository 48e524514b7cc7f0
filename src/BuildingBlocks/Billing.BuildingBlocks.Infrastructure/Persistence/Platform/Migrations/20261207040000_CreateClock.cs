using Billing.BuildingBlocks.Infrastructure.Time;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Billing.BuildingBlocks.Infrastructure.Persistence.Platform.Migrations;

/// <summary>docs-adr/0047: the simulated clock's row, shared by the instances. Written by hand (docs-adr/0008).</summary>
[DbContext(typeof(PlatformDbContext))]
[Migration("20261207040000_CreateClock")]
internal sealed class CreateClock : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        const string table = ClockState.Table;
        migrationBuilder.CreateTable(
            name: table,
            columns: columns => new
            {
                id = columns.Column<int>(type: "INTEGER", nullable: false),
                now = columns.Column<string>(type: "TEXT", nullable: false),
            },
            constraints: constraints => constraints.PrimaryKey($"PK_{table}", row => row.id));
    }
}
