using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Billing.Invoicing.Infrastructure.Persistence.Postgres.Migrations;

/// <summary>PLN-5: one subscription per customer and plan among those without an end. The model snapshot carries the same filter.</summary>
[DbContext(typeof(InvoicingDbContext))]
[Migration("20261208050000_SubscribeAgainAfterCancellation")]
internal sealed class SubscribeAgainAfterCancellation : Migration
{
    private const string Index = "IX_subscriptions_environment_customer_id_plan_id";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: Index, schema: "invoicing", table: "subscriptions");
        migrationBuilder.CreateIndex(
            name: Index, schema: "invoicing", table: "subscriptions", columns: ["environment", "customer_id", "plan_id"], unique: true, filter: "ends_at IS NULL");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: Index, schema: "invoicing", table: "subscriptions");
        migrationBuilder.CreateIndex(name: Index, schema: "invoicing", table: "subscriptions", columns: ["environment", "customer_id", "plan_id"], unique: true);
    }
}
