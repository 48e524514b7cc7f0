using Billing.BuildingBlocks.Infrastructure.Persistence;
using Billing.Payments.Domain.Collections;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Billing.Payments.Infrastructure.Persistence.Configurations;

internal sealed class ProviderInvoiceConfiguration : IEntityTypeConfiguration<ProviderInvoice>
{
    public void Configure(EntityTypeBuilder<ProviderInvoice> builder)
    {
        builder.ToTable("provider_invoices");
        builder.HasKey(invoice => invoice.Id);
        builder.Ignore(invoice => invoice.DomainEvents);
        builder.Ignore(invoice => invoice.IsSettled);
        builder.Property(invoice => invoice.Id).HasMaxLength(40);
        builder.Property(invoice => invoice.CustomerId).HasMaxLength(40).IsRequired();
        builder.Property(invoice => invoice.ProviderCustomerId).HasMaxLength(255).IsRequired();
        builder.Property(invoice => invoice.ProviderInvoiceId).HasMaxLength(255);
        builder.Property(invoice => invoice.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(invoice => invoice.FailureReason).HasMaxLength(100);
        builder.Property(invoice => invoice.FailureMessage).HasMaxLength(1000);

        // Webhooks that lack Billing's metadata are matched by the provider's invoice id.
        builder.HasIndexPerEnvironment(nameof(ProviderInvoice.ProviderInvoiceId));
    }
}
