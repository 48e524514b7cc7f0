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

        // Event ids are unique per environment (PAY-6), so the key includes it.
        builder.Property<string>(EnvironmentScope.PropertyName);
        builder.HasKey(EnvironmentScope.PropertyName, nameof(ProviderEventReceipt.Id));
        builder.Property(receipt => receipt.Id).HasMaxLength(255);
        builder.Property(receipt => receipt.Type).HasMaxLength(100).IsRequired();
    }
}
