using Billing.BuildingBlocks.Infrastructure.Persistence;
using Billing.Invoicing.Domain.Subscriptions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Billing.Invoicing.Infrastructure.Persistence.Configurations;

internal sealed class SubscriptionConfiguration : IEntityTypeConfiguration<Subscription>
{
    public void Configure(EntityTypeBuilder<Subscription> builder)
    {
        builder.ToTable("subscriptions");
        builder.HasBulkWrites();
        builder.HasKey(subscription => subscription.Id);
        builder.Ignore(subscription => subscription.DomainEvents);
        builder.Property(subscription => subscription.Id).HasMaxLength(40);
        builder.Property(subscription => subscription.CustomerId).HasMaxLength(40).IsRequired();
        builder.Property(subscription => subscription.PlanId).HasMaxLength(40).IsRequired();
        builder.Property(subscription => subscription.CollectionMethod).HasConversion<string>().HasMaxLength(30);
        builder.Property(subscription => subscription.CancellationReason).HasMaxLength(Subscription.MaxReasonLength);

        // A customer is on one plan once (PLN-4) while the subscription has no end; once canceled
        // (PLN-5) it may subscribe to the plan again. The customer is another module's, so no foreign key.
        builder.HasUniqueIndexPerEnvironment(nameof(Subscription.CustomerId), nameof(Subscription.PlanId))
            .HasFilter("ends_at IS NULL")
            .ConflictsAs("subscription_exists", "The customer is already subscribed to this plan.");

        // INV-2: the scheduler looks for periods that have ended.
        builder.HasIndexPerEnvironment(nameof(Subscription.UnbilledPeriodEnd), nameof(Subscription.Id));

        // PLN-6: the plans it has been on, from when; rows only for a subscription that changed plan.
        builder.OwnsMany(subscription => subscription.Phases, phase =>
        {
            phase.ToTable("subscription_plan_phases");
            phase.WithOwner().HasForeignKey("SubscriptionId");
            phase.Property<string>("SubscriptionId").HasMaxLength(40);
            phase.HasKey("SubscriptionId", nameof(PlanPhase.Number));
            phase.Property(item => item.Number).ValueGeneratedNever();
            phase.Property(item => item.PlanId).HasMaxLength(40).IsRequired();
        });
        builder.Navigation(subscription => subscription.Phases).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
