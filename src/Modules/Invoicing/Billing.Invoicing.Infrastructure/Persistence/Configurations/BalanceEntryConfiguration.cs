using Billing.BuildingBlocks.Infrastructure.Persistence;
using Billing.Invoicing.Domain.Balances;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Billing.Invoicing.Infrastructure.Persistence.Configurations;

internal sealed class BalanceEntryConfiguration : IEntityTypeConfiguration<BalanceEntry>
{
    public void Configure(EntityTypeBuilder<BalanceEntry> builder)
    {
        builder.ToTable("balance_entries");
        builder.HasKey(entry => entry.Id);
        builder.Ignore(entry => entry.DomainEvents);
        builder.Property(entry => entry.Id).HasMaxLength(40);
        builder.Property(entry => entry.CustomerId).HasMaxLength(40).IsRequired();
        builder.Property(entry => entry.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(entry => entry.Currency).IsRequired();
        builder.Property(entry => entry.InvoiceId).HasMaxLength(40).IsRequired();
        builder.Property(entry => entry.InvoiceNumber).HasMaxLength(20);

        // An invoice moves the balance once per kind: finalized once, voided once (INV-16, exactly once).
        builder.HasUniqueIndexPerEnvironment(nameof(BalanceEntry.InvoiceId), nameof(BalanceEntry.Kind))
            .ConflictsAs("balance_entry_exists", "This invoice has already moved the customer's balance.");
        builder.HasIndexPerEnvironment(nameof(BalanceEntry.CustomerId), nameof(BalanceEntry.CreatedAt));
    }
}
