using Billing.BuildingBlocks.Infrastructure.Persistence;
using Billing.Metering.Domain.Meters;
using Billing.Metering.Infrastructure.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;

namespace Billing.Metering.Infrastructure.Persistence;

internal sealed class MeteringDbContext(DbContextOptions<MeteringDbContext> options)
    : ModuleDbContext(options)
{
    public const string SchemaName = "metering";
    public const string UsageEventsTable = "metering_usage_events";

    public override string Schema => SchemaName;

    public DbSet<Meter> Meters => Set<Meter>();

    public DbSet<UsageEventRow> UsageEvents => Set<UsageEventRow>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new MeterConfiguration());
        modelBuilder.ApplyConfiguration(new UsageEventRowConfiguration());
    }
}
