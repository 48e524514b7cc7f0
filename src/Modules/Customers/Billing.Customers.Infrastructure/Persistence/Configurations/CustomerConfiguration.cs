using Billing.BuildingBlocks.Infrastructure.Persistence;
using Billing.Customers.Domain.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Billing.Customers.Infrastructure.Persistence.Configurations;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.ToTable("customers");
        builder.HasKey(customer => customer.Id);
        builder.Ignore(customer => customer.DomainEvents);
        builder.Property(customer => customer.Id).HasMaxLength(40);
        builder.Property(customer => customer.ExternalId).HasMaxLength(Customer.MaxExternalIdLength).IsRequired();
        builder.Property(customer => customer.Currency).IsRequired();
        builder.Property(customer => customer.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(customer => customer.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(customer => customer.Name).HasMaxLength(Customer.MaxNameLength).IsRequired();
        builder.Property(customer => customer.Email).HasMaxLength(254);
        builder.Property(customer => customer.TaxRate).HasPrecision(7, 4);
        builder.Property(customer => customer.StripeCustomerId).HasMaxLength(255);
        builder.ComplexProperty(customer => customer.NotificationPreferences, preferences =>
        {
            preferences.Property(p => p.InvoiceIssued).HasConversion<string>().HasMaxLength(10);
            preferences.Property(p => p.PaymentFailed).HasConversion<string>().HasMaxLength(10);
            preferences.Property(p => p.PastDue).HasConversion<string>().HasMaxLength(10);
        });

        // ENV-1: external ids are unique per environment, and lists read newest first per environment.
        builder.HasUniqueIndexPerEnvironment(nameof(Customer.ExternalId))
            .ConflictsAs("customer_exists", "A customer with this external id already exists in this environment.");
        builder.HasIndexPerEnvironment(nameof(Customer.CreatedAt), nameof(Customer.Id));
    }
}
