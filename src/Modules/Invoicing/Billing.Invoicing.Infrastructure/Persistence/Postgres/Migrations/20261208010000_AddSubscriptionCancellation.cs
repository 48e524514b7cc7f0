using System;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Billing.Invoicing.Infrastructure.Persistence.Postgres.Migrations;

/// <summary>PLN-5: when and why a subscription was canceled; PLN-4: when its trial ends. The model snapshot carries the same columns.</summary>
[DbContext(typeof(InvoicingDbContext))]
[Migration("20261208010000_AddSubscriptionCancellation")]
internal sealed class AddSubscriptionCancellation : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateTimeOffset>(
            name: "canceled_at", schema: "invoicing", table: "subscriptions", type: "timestamp with time zone", nullable: true);
        migrationBuilder.AddColumn<string>(
            name: "cancellation_reason", schema: "invoicing", table: "subscriptions", type: "character varying(500)", maxLength: 500, nullable: true);
        migrationBuilder.AddColumn<DateTimeOffset>(
            name: "trial_ends_at", schema: "invoicing", table: "subscriptions", type: "timestamp with time zone", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "canceled_at", schema: "invoicing", table: "subscriptions");
        migrationBuilder.DropColumn(name: "cancellation_reason", schema: "invoicing", table: "subscriptions");
        migrationBuilder.DropColumn(name: "trial_ends_at", schema: "invoicing", table: "subscriptions");
    }
}
