using System;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Billing.Invoicing.Infrastructure.Persistence.Postgres.Migrations;

/// <summary>PLN-6: the plans a subscription has been on, from when. The model snapshot carries the same table.</summary>
[DbContext(typeof(InvoicingDbContext))]
[Migration("20261208040000_CreateSubscriptionPlanPhases")]
internal sealed class CreateSubscriptionPlanPhases : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateTable(
            name: "subscription_plan_phases",
            schema: "invoicing",
            columns: table => new
            {
                number = table.Column<int>(type: "integer", nullable: false),
                subscription_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                plan_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                prorate = table.Column<bool>(type: "boolean", nullable: false),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_subscription_plan_phases", row => new { row.subscription_id, row.number });
                table.ForeignKey(
                    name: "FK_subscription_plan_phases_subscriptions_subscription_id",
                    column: row => row.subscription_id,
                    principalSchema: "invoicing",
                    principalTable: "subscriptions",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropTable(name: "subscription_plan_phases", schema: "invoicing");
}
