using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Billing.Invoicing.Infrastructure.Persistence.Migrations;

/// <summary>
/// INV-5: settings remember the longest late-usage window ever in force, which until now is the
/// window itself (nothing recorded a longer one). Written by hand (docs-adr/0008).
/// </summary>
[DbContext(typeof(InvoicingDbContext))]
[Migration("20261207010000_AddLateUsageLookBack")]
internal sealed class AddLateUsageLookBack : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("late_usage_look_back", "invoicing_settings", type: "TEXT", nullable: false, defaultValue: "00:00:00");
        migrationBuilder.Sql("UPDATE invoicing_settings SET late_usage_look_back = late_usage_window;");
    }
}
