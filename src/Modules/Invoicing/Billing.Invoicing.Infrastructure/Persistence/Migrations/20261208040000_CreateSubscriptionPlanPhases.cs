using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Billing.Invoicing.Infrastructure.Persistence.Migrations;

/// <summary>PLN-6: the plans a subscription has been on, from when. Written by hand (docs-adr/0008).</summary>
[DbContext(typeof(InvoicingDbContext))]
[Migration("20261208040000_CreateSubscriptionPlanPhases")]
internal sealed class CreateSubscriptionPlanPhases : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        const string phases = "invoicing_subscription_plan_phases";
        const string subscriptions = "invoicing_subscriptions";
        migrationBuilder.CreateTable(
            name: phases,
            columns: columns => new
            {
                number = columns.Column<int>(type: "INTEGER", nullable: false),
                subscription_id = columns.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                plan_id = columns.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                starts_at = columns.Column<string>(type: "TEXT", nullable: false),
                prorate = columns.Column<bool>(type: "INTEGER", nullable: false),
                created_at = columns.Column<string>(type: "TEXT", nullable: false),
            },
            constraints: constraints =>
            {
                constraints.PrimaryKey($"PK_{phases}", row => new { row.subscription_id, row.number });
                constraints.ForeignKey($"FK_{phases}_{subscriptions}_subscription_id", row => row.subscription_id, subscriptions, "id", onDelete: ReferentialAction.Cascade);
            });
    }
}
