using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Billing.Invoicing.Infrastructure.Persistence.Migrations;

/// <summary>PLN-5: one subscription per customer and plan among those without an end. Written by hand (docs-adr/0008).</summary>
[DbContext(typeof(InvoicingDbContext))]
[Migration("20261208050000_SubscribeAgainAfterCancellation")]
internal sealed class SubscribeAgainAfterCancellation : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        const string table = "invoicing_subscriptions";
        const string index = $"IX_{table}_environment_customer_id_plan_id";
        migrationBuilder.DropIndex(name: index, table: table);
        migrationBuilder.CreateIndex(name: index, table: table, columns: ["environment", "customer_id", "plan_id"], unique: true, filter: "ends_at IS NULL");
    }
}
