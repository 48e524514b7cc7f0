using Billing.BuildingBlocks.Infrastructure.Persistence;
using Billing.Payments.Domain.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Billing.Payments.Infrastructure.Persistence.Configurations;

internal sealed class ProviderOperationConfiguration : IEntityTypeConfiguration<ProviderOperation>
{
    public void Configure(EntityTypeBuilder<ProviderOperation> builder)
    {
        builder.ToTable("provider_operations");
        builder.HasKey(operation => operation.Sequence);
        builder.HasIndex(operation => operation.Id).IsUnique();
        builder.Ignore(operation => operation.DomainEvents);
        builder.Property(operation => operation.Id).HasMaxLength(40).IsRequired();
        builder.Property(operation => operation.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(operation => operation.SubjectId).HasMaxLength(255).IsRequired();
        builder.Property(operation => operation.Argument).HasMaxLength(255).IsRequired();
        builder.Property(operation => operation.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(operation => operation.LastError).HasMaxLength(ProviderOperation.MaxErrorLength);

        // PAY-7: one operation per cause, however often the cause is seen.
        builder.HasUniqueIndexPerEnvironment(nameof(ProviderOperation.Kind), nameof(ProviderOperation.SubjectId), nameof(ProviderOperation.Argument));

        // The processor looks for due pending work; the payment view lists an invoice's operations.
        builder.HasIndexPerEnvironment(nameof(ProviderOperation.Status), nameof(ProviderOperation.NextAttemptAt));
        builder.HasIndexPerEnvironment(nameof(ProviderOperation.SubjectId));
    }
}
