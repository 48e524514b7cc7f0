using Billing.BuildingBlocks.Infrastructure.Persistence;
using Billing.Invoicing.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Billing.Invoicing.Infrastructure.Persistence.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("notifications");
        builder.HasBulkWrites();
        builder.HasKey(notification => notification.Id);
        builder.Ignore(notification => notification.DomainEvents);
        builder.Property(notification => notification.Id).HasMaxLength(40);
        builder.Property(notification => notification.Type).HasMaxLength(40).IsRequired();
        builder.Property(notification => notification.Audience).HasMaxLength(20).IsRequired();
        builder.Property(notification => notification.Channel).HasMaxLength(20).IsRequired();
        builder.Property(notification => notification.InvoiceId).HasMaxLength(40).IsRequired();
        builder.Property(notification => notification.CustomerId).HasMaxLength(40).IsRequired();
        builder.Property(notification => notification.Payload).IsRequired();
        builder.HasIndexPerEnvironment(nameof(Notification.InvoiceId));
    }
}

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> builder)
    {
        builder.ToTable("webhook_endpoints");
        builder.HasKey(endpoint => endpoint.Id);
        builder.Ignore(endpoint => endpoint.DomainEvents);
        builder.Property(endpoint => endpoint.Id).HasMaxLength(40);
        builder.Property(endpoint => endpoint.Url).HasMaxLength(2000).IsRequired();
        // Encrypted with the key ring (docs-adr/0031); the column kept its name from when it held the secret itself.
        builder.Property(endpoint => endpoint.StoredSecret).HasColumnName("secret").HasMaxLength(1000).IsRequired();
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("webhook_deliveries");
        builder.HasBulkWrites();
        builder.HasKey(delivery => delivery.Id);
        builder.Ignore(delivery => delivery.DomainEvents);
        builder.Ignore(delivery => delivery.State);
        builder.Property(delivery => delivery.Id).HasMaxLength(40);
        builder.Property(delivery => delivery.NotificationId).HasMaxLength(40).IsRequired();
        builder.Property(delivery => delivery.EndpointId).HasMaxLength(40).IsRequired();
        builder.Property(delivery => delivery.LastError).HasMaxLength(500);
        builder.HasIndexPerEnvironment(nameof(WebhookDelivery.NextAttemptAt));
        builder.HasIndexPerEnvironment(nameof(WebhookDelivery.NotificationId));
    }
}
