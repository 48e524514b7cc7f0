using Billing.BuildingBlocks.Application.Access;
using Billing.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Billing.Metering.Infrastructure.Persistence;

/// <summary>The Metering module's tables: for now its outbox and audit log, which the base context gives.</summary>
internal sealed class MeteringDbContext(DbContextOptions<MeteringDbContext> options, ICallerContext caller)
    : ModuleDbContext(options, caller)
{
    public const string SchemaName = "metering";

    public override string Schema => SchemaName;

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
    }
}
