using Billing.BuildingBlocks.Infrastructure.Persistence;
using Billing.Invoicing.Domain.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Billing.Invoicing.Infrastructure.Persistence.Configurations;

internal sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> builder)
    {
        builder.ToTable("plans");
        builder.HasKey(plan => plan.Id);
        builder.Ignore(plan => plan.DomainEvents);
        builder.Ignore(plan => plan.CurrentVersion);
        builder.Property(plan => plan.Id).HasMaxLength(40);
        builder.Property(plan => plan.Code).HasMaxLength(Plan.MaxCodeLength).IsRequired();
        builder.Property(plan => plan.Name).HasMaxLength(Plan.MaxNameLength).IsRequired();
        builder.Property(plan => plan.Currency).IsRequired();
        builder.Property(plan => plan.Interval).HasConversion<string>().HasMaxLength(10);
        builder.HasUniqueIndexPerEnvironment(nameof(Plan.Code))
            .ConflictsAs("plan_exists", "A plan with this code already exists in this environment.");

        builder.OwnsMany(plan => plan.Versions, version =>
        {
            version.ToTable("plan_versions");
            version.WithOwner().HasForeignKey("PlanId");
            version.Property<string>("PlanId").HasMaxLength(40);
            version.HasKey("PlanId", nameof(PlanVersion.Number));
            version.Property(v => v.Number).ValueGeneratedNever();
            version.Property(v => v.CorrectionReason).HasMaxLength(PlanVersion.MaxReasonLength);
            version.Ignore(v => v.IsCorrection);

            // Written once, replaced never: reference equality is the right comparison.
            version.Property(v => v.Fees)
                .HasConversion(fees => PriceJson.Write(fees), json => PriceJson.ReadFees(json), Immutable<FixedFees>())
                .IsRequired();
            version.Property(v => v.Charges)
                .HasConversion(charges => PriceJson.Write(charges), json => PriceJson.ReadCharges(json), Immutable<IReadOnlyList<UsageCharge>>())
                .IsRequired();
        });
        builder.Navigation(plan => plan.Versions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }

    private static ValueComparer<T> Immutable<T>()
        where T : class => new((left, right) => ReferenceEquals(left, right), value => value.GetHashCode(), value => value);
}
