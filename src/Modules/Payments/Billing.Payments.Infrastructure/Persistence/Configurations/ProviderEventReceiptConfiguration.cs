using Billing.BuildingBlocks.Infrastructure.Persistence;
using Billing.Payments.Domain.ProviderEvents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Billing.Payments.Infrastructure.Persistence.Configurations;

internal sealed class ProviderEventReceiptConfiguration : IEntityTypeConfiguration<ProviderEventReceipt>
{
    public void Configure(EntityTypeBuilder<ProviderEventReceipt> builder)
    {
        builder.ToTable("provider_event_receipts");
        builder.HasKey(receipt => receipt.Id);
        builder.Property(receipt => receipt.Id).HasMaxLength(40);
        builder.Property(receipt => receipt.EventId).HasMaxLength(255).IsRequired();
        builder.Property(receipt => receipt.Type).HasMaxLength(100).IsRequired();

        // PAY-6: an event is handled once per environment, even when two deliveries race.
        builder.HasUniqueIndexPerEnvironment(nameof(ProviderEventReceipt.EventId));
    }
}
