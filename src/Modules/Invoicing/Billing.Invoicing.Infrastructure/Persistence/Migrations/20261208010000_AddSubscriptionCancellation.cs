using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Billing.Invoicing.Infrastructure.Persistence.Migrations;

/// <summary>PLN-5: when and why a subscription was canceled; PLN-4: when its trial ends. Written by hand (docs-adr/0008).</summary>
[DbContext(typeof(InvoicingDbContext))]
[Migration("20261208010000_AddSubscriptionCancellation")]
internal sealed class AddSubscriptionCancellation : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        const string subscriptions = "invoicing_subscriptions";
        migrationBuilder.AddColumn<string>(name: "canceled_at", table: subscriptions, type: "TEXT", nullable: true);
        migrationBuilder.AddColumn<string>(name: "cancellation_reason", table: subscriptions, type: "TEXT", maxLength: 500, nullable: true);
        migrationBuilder.AddColumn<string>(name: "trial_ends_at", table: subscriptions, type: "TEXT", nullable: true);
    }
}
