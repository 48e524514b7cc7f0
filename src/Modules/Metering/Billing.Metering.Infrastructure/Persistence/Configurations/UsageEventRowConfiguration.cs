using Billing.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Billing.Metering.Infrastructure.Persistence.Configurations;

internal sealed class UsageEventRowConfiguration : IEntityTypeConfiguration<UsageEventRow>
{
    public void Configure(EntityTypeBuilder<UsageEventRow> builder)
    {
        builder.ToTable("usage_events");
        builder.HasKey(row => row.Sequence);

        // Assigned by the database on insert: on SQLite a plain rowid key (INTEGER PRIMARY KEY),
        // without the sqlite_sequence update AUTOINCREMENT costs per row; on PostgreSQL an identity.
        // EF never inserts here; the providers' writers do.
        builder.Property(row => row.Sequence).ValueGeneratedOnAdd().HasAnnotation("Sqlite:Autoincrement", false);
        builder.Property(row => row.EventId).HasMaxLength(255).IsRequired();
        builder.Property(row => row.CustomerId).HasMaxLength(40).IsRequired();
        builder.Property(row => row.ExternalCustomerId).HasMaxLength(255).IsRequired();
        builder.Property(row => row.EventName).HasMaxLength(64).IsRequired();
        builder.Property(row => row.Properties).IsRequired();
        builder.Property(row => row.UniqueKey).HasMaxLength(255);
        builder.Property(row => row.PayloadHash).HasMaxLength(64).IsRequired();

        // MET-4: the event id is unique per environment; the insert relies on it to de-duplicate.
        builder.HasUniqueIndexPerEnvironment(nameof(UsageEventRow.EventId));

        // MET-6: one range scan per customer, meter and period, covering the value.
        builder.HasIndexPerEnvironment(
            nameof(UsageEventRow.CustomerId), nameof(UsageEventRow.EventName), nameof(UsageEventRow.TimestampMicros), nameof(UsageEventRow.ValueMicros));
    }
}
