using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Billing.BuildingBlocks.Infrastructure.Persistence.Platform.Postgres.Migrations
{
    /// <inheritdoc />
    internal partial class AddClock : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "clock",
                schema: "platform",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    now = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_clock", x => x.id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "clock",
                schema: "platform");
        }
    }
}
