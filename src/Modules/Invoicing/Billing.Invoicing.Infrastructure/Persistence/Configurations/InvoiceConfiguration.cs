using System.Text.Json;
using Billing.BuildingBlocks.Infrastructure.Persistence;
using Billing.Invoicing.Domain.Invoices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Billing.Invoicing.Infrastructure.Persistence.Configurations;

internal sealed class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> builder)
    {
        builder.ToTable("invoices");
        builder.HasBulkWrites();
        builder.HasKey(invoice => invoice.Id);
        builder.Ignore(invoice => invoice.DomainEvents);
        builder.Ignore(invoice => invoice.HasMeteredCharge);
        builder.Property(invoice => invoice.Id).HasMaxLength(40);
        builder.Property(invoice => invoice.Number).HasMaxLength(20);
        builder.Property(invoice => invoice.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(invoice => invoice.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(invoice => invoice.CollectionMethod).HasConversion<string>().HasMaxLength(30);
        builder.Property(invoice => invoice.CustomerId).HasMaxLength(40).IsRequired();
        builder.Property(invoice => invoice.CustomerName).HasMaxLength(200).IsRequired();
        builder.Property(invoice => invoice.CustomerExternalId).HasMaxLength(200).IsRequired();
        builder.Property(invoice => invoice.SubscriptionId).HasMaxLength(40).IsRequired();
        builder.Property(invoice => invoice.PlanId).HasMaxLength(40).IsRequired();
        builder.Property(invoice => invoice.PlanCode).HasMaxLength(64).IsRequired();
        builder.Property(invoice => invoice.Currency).IsRequired();
        builder.Property(invoice => invoice.StatusReason).HasMaxLength(Invoice.MaxReasonLength + 100);
        builder.Property(invoice => invoice.ReplacesInvoiceId).HasMaxLength(40);
        builder.Property(invoice => invoice.ReplacedByInvoiceId).HasMaxLength(40);
        builder.Property(invoice => invoice.PaymentFailure).HasMaxLength(100);

        // INV-2: one invoice per subscription, period and generation, whoever runs the scheduler.
        builder.HasUniqueIndexPerEnvironment(nameof(Invoice.SubscriptionId), nameof(Invoice.PeriodStart), nameof(Invoice.Generation));

        // INV-7: a number is given once per environment.
        builder.HasUniqueIndexPerEnvironment(nameof(Invoice.Sequence));

        // INV-13 lists newest first, whole or by customer or status; the jobs look for due drafts and overdue invoices.
        // Each ends with the id, the tie-breaker of its order, so a page is read in index order and never sorted.
        builder.HasIndexPerEnvironment(nameof(Invoice.CreatedAt), nameof(Invoice.Id));
        builder.HasIndexPerEnvironment(nameof(Invoice.CustomerId), nameof(Invoice.CreatedAt), nameof(Invoice.Id));
        builder.HasIndexPerEnvironment(nameof(Invoice.Status), nameof(Invoice.CreatedAt), nameof(Invoice.Id));
        builder.HasIndexPerEnvironment(nameof(Invoice.Status), nameof(Invoice.FinalizesAt), nameof(Invoice.Id));
        builder.HasIndexPerEnvironment(nameof(Invoice.Number));

        // INV-11: the past-due job reads open invoices by due date. Only open ones are in this index, so
        // making a draft costs nothing more and finalizing adds one entry.
        builder.HasIndexPerEnvironment(nameof(Invoice.DueDate), nameof(Invoice.Id)).HasFilter("status = 'Open'");

        builder.OwnsMany(invoice => invoice.Lines, line =>
        {
            line.ToTable("invoice_lines");
            line.WithOwner().HasForeignKey("InvoiceId");
            line.Property<string>("InvoiceId").HasMaxLength(40);
            line.HasKey("InvoiceId", nameof(InvoiceLine.Position));
            line.Property(item => item.Position).ValueGeneratedNever();
            line.Ignore(item => item.BillsUsage);
            line.Property(item => item.Kind).HasConversion<string>().HasMaxLength(30);
            line.Property(item => item.Code).HasMaxLength(64).IsRequired();
            line.Property(item => item.Description).HasMaxLength(300).IsRequired();
            line.Property(item => item.Reason).HasMaxLength(Invoice.MaxReasonLength);
            line.Property(item => item.Computation)
                .HasConversion(
                    steps => JsonSerializer.Serialize(steps, (JsonSerializerOptions?)null),
                    json => JsonSerializer.Deserialize<List<string>>(json, (JsonSerializerOptions?)null) ?? new List<string>(),
                    new ValueComparer<IReadOnlyList<string>>((left, right) => ReferenceEquals(left, right), value => value.GetHashCode(), value => value))
                .IsRequired();
        });
        builder.Navigation(invoice => invoice.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
