using Billing.BuildingBlocks.Infrastructure.Persistence;
using Billing.Metering.Domain.Meters;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Billing.Metering.Infrastructure.Persistence.Configurations;

internal sealed class MeterConfiguration : IEntityTypeConfiguration<Meter>
{
    public void Configure(EntityTypeBuilder<Meter> builder)
    {
        builder.ToTable("meters");
        builder.HasKey(meter => meter.Id);
        builder.Ignore(meter => meter.DomainEvents);
        builder.Property(meter => meter.Id).HasMaxLength(40);
        builder.Property(meter => meter.Code).HasMaxLength(Meter.MaxCodeLength).IsRequired();
        builder.Property(meter => meter.DisplayName).HasMaxLength(Meter.MaxNameLength).IsRequired();
        builder.Property(meter => meter.EventName).HasMaxLength(Meter.MaxCodeLength).IsRequired();
        builder.Property(meter => meter.Aggregation).HasConversion<string>().HasMaxLength(20);
        builder.Property(meter => meter.Property).HasMaxLength(Meter.MaxPropertyLength);

        // MET-1: a meter's code and its event name are each unique per environment.
        builder.HasUniqueIndexPerEnvironment(nameof(Meter.Code))
            .ConflictsAs("meter_exists", "A meter with this code already exists in this environment.");
        builder.HasUniqueIndexPerEnvironment(nameof(Meter.EventName))
            .ConflictsAs("meter_exists", "A meter with this event name already exists in this environment.");
    }
}
