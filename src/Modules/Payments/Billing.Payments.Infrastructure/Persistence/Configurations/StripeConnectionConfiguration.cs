using Billing.Payments.Domain.Connections;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Billing.Payments.Infrastructure.Persistence.Configurations;

internal sealed class StripeConnectionConfiguration : IEntityTypeConfiguration<StripeConnection>
{
    public void Configure(EntityTypeBuilder<StripeConnection> builder)
    {
        builder.ToTable("stripe_connections");
        builder.HasKey(connection => connection.Id);
        builder.Ignore(connection => connection.DomainEvents);
        builder.Property(connection => connection.Id).HasMaxLength(4);
        builder.Property(connection => connection.ProtectedSecretKey).HasMaxLength(2000).IsRequired();
        builder.Property(connection => connection.SecretKeyHint).HasMaxLength(40).IsRequired();
        builder.Property(connection => connection.ProtectedWebhookSecret).HasMaxLength(2000).IsRequired();
    }
}
