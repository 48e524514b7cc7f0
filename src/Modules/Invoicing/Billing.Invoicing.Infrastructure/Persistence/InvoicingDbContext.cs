using Billing.BuildingBlocks.Application.Access;
using Billing.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Billing.Invoicing.Infrastructure.Persistence;

/// <summary>The Invoicing module's tables: for now its outbox and audit log, which the base context gives.</summary>
internal sealed class InvoicingDbContext(DbContextOptions<InvoicingDbContext> options, ICallerContext caller)
    : ModuleDbContext(options, caller)
{
    public const string SchemaName = "invoicing";

    public override string Schema => SchemaName;

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
    }
}
