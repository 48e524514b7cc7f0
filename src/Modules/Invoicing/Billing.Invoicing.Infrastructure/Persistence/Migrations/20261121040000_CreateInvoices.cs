using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Billing.Invoicing.Infrastructure.Persistence.Migrations;

/// <summary>Written by hand (docs-adr/0008); MigrationsMatchModelTests proves it matches the model.</summary>
[DbContext(typeof(InvoicingDbContext))]
[Migration("20261121040000_CreateInvoices")]
internal sealed class CreateInvoices : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        const string subscriptions = "invoicing_subscriptions";
        migrationBuilder.AddColumn<string>(name: "unbilled_period_start", table: subscriptions, type: "TEXT", nullable: false, defaultValue: "");
        migrationBuilder.AddColumn<string>(name: "unbilled_period_end", table: subscriptions, type: "TEXT", nullable: false, defaultValue: "");
        migrationBuilder.AddColumn<string>(name: "ends_at", table: subscriptions, type: "TEXT", nullable: true);

        // Subscriptions made before this migration start their cycle at their start date; the
        // scheduler computes the first period's end from the plan (Subscription.EnsureCycle).
        migrationBuilder.Sql($"UPDATE {subscriptions} SET unbilled_period_start = start_date, unbilled_period_end = start_date");
        migrationBuilder.CreateIndex(
            name: $"IX_{subscriptions}_environment_unbilled_period_end", table: subscriptions, columns: ["environment", "unbilled_period_end"]);

        CreateInvoicesTable(migrationBuilder);
        CreateLinesTable(migrationBuilder);
        CreateSettingsTable(migrationBuilder);
    }

    private static void CreateInvoicesTable(MigrationBuilder migrationBuilder)
    {
        const string table = "invoicing_invoices";
        migrationBuilder.CreateTable(
            name: table,
            columns: columns => new
            {
                id = columns.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                kind = columns.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                status = columns.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                sequence = columns.Column<long>(type: "INTEGER", nullable: true),
                number = columns.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                customer_id = columns.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                customer_name = columns.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                customer_external_id = columns.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                subscription_id = columns.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                plan_id = columns.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                plan_code = columns.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                plan_version = columns.Column<int>(type: "INTEGER", nullable: false),
                currency = columns.Column<string>(type: "TEXT", nullable: false),
                period_start = columns.Column<string>(type: "TEXT", nullable: false),
                period_end = columns.Column<string>(type: "TEXT", nullable: false),
                usage_end = columns.Column<string>(type: "TEXT", nullable: false),
                generation = columns.Column<int>(type: "INTEGER", nullable: false),
                first_of_subscription = columns.Column<bool>(type: "INTEGER", nullable: false),
                collection_method = columns.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                net_terms_days = columns.Column<int>(type: "INTEGER", nullable: false),
                tax_rate = columns.Column<string>(type: "TEXT", nullable: false),
                created_at = columns.Column<string>(type: "TEXT", nullable: false),
                finalizes_at = columns.Column<string>(type: "TEXT", nullable: false),
                issued_at = columns.Column<string>(type: "TEXT", nullable: true),
                due_date = columns.Column<string>(type: "TEXT", nullable: true),
                paid_at = columns.Column<string>(type: "TEXT", nullable: true),
                voided_at = columns.Column<string>(type: "TEXT", nullable: true),
                status_reason = columns.Column<string>(type: "TEXT", maxLength: 600, nullable: true),
                replaces_invoice_id = columns.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                replaced_by_invoice_id = columns.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                subtotal = columns.Column<string>(type: "TEXT", nullable: false),
                tax = columns.Column<string>(type: "TEXT", nullable: false),
                total = columns.Column<string>(type: "TEXT", nullable: false),
                environment = columns.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
            },
            constraints: constraints => constraints.PrimaryKey($"PK_{table}", row => row.id));
        migrationBuilder.CreateIndex($"IX_{table}_environment_subscription_id_period_start_generation", table, ["environment", "subscription_id", "period_start", "generation"], unique: true);
        migrationBuilder.CreateIndex($"IX_{table}_environment_sequence", table, ["environment", "sequence"], unique: true);
        migrationBuilder.CreateIndex($"IX_{table}_environment_created_at_id", table, ["environment", "created_at", "id"]);
        migrationBuilder.CreateIndex($"IX_{table}_environment_customer_id_created_at", table, ["environment", "customer_id", "created_at"]);
        migrationBuilder.CreateIndex($"IX_{table}_environment_status_created_at", table, ["environment", "status", "created_at"]);
        migrationBuilder.CreateIndex($"IX_{table}_environment_status_finalizes_at", table, ["environment", "status", "finalizes_at"]);
        migrationBuilder.CreateIndex($"IX_{table}_environment_number", table, ["environment", "number"]);
    }

    private static void CreateLinesTable(MigrationBuilder migrationBuilder)
    {
        const string table = "invoicing_invoice_lines";
        migrationBuilder.CreateTable(
            name: table,
            columns: columns => new
            {
                position = columns.Column<int>(type: "INTEGER", nullable: false),
                invoice_id = columns.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                kind = columns.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                code = columns.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                description = columns.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                quantity = columns.Column<string>(type: "TEXT", nullable: false),
                amount = columns.Column<string>(type: "TEXT", nullable: false),
                computation = columns.Column<string>(type: "TEXT", nullable: false),
                service_start = columns.Column<string>(type: "TEXT", nullable: false),
                service_end = columns.Column<string>(type: "TEXT", nullable: false),
                reason = columns.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
            },
            constraints: constraints =>
            {
                constraints.PrimaryKey($"PK_{table}", row => new { row.invoice_id, row.position });
                constraints.ForeignKey(
                    $"FK_{table}_invoicing_invoices_invoice_id", row => row.invoice_id, "invoicing_invoices", "id", onDelete: ReferentialAction.Cascade);
            });
    }

    private static void CreateSettingsTable(MigrationBuilder migrationBuilder)
    {
        const string table = "invoicing_settings";
        migrationBuilder.CreateTable(
            name: table,
            columns: columns => new
            {
                id = columns.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                close_delay = columns.Column<string>(type: "TEXT", nullable: false),
                grace = columns.Column<string>(type: "TEXT", nullable: false),
                default_net_terms_days = columns.Column<int>(type: "INTEGER", nullable: false),
                late_usage_window = columns.Column<string>(type: "TEXT", nullable: false),
                updated_at = columns.Column<string>(type: "TEXT", nullable: false),
                environment = columns.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
            },
            constraints: constraints => constraints.PrimaryKey($"PK_{table}", row => row.id));
    }
}
