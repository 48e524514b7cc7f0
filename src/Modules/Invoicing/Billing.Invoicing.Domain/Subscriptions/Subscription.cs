using Billing.BuildingBlocks.Domain;
using Billing.BuildingBlocks.Domain.Time;
using Billing.Invoicing.Domain.Periods;

namespace Billing.Invoicing.Domain.Subscriptions;

/// <summary>
/// PLN-4: a customer on a plan from a start day, billed on an anchor day. The customer is referred
/// to by id only (it lives in the Customers module).
/// </summary>
internal sealed class Subscription : AggregateRoot
{
    public const string IdPrefix = "sub";
    public const int MaxNetTermsDays = 365;

    private Subscription()
    {
    }

    public string Id { get; private set; } = string.Empty;

    public string CustomerId { get; private set; } = string.Empty;

    public string PlanId { get; private set; } = string.Empty;

    /// <summary>00:00 UTC of the first day billed.</summary>
    public DateTimeOffset StartDate { get; private set; }

    public int AnchorDay { get; private set; }

    public CollectionMethod CollectionMethod { get; private set; }

    public int NetTermsDays { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static Subscription Create(
        string customerId, string planId, DateTimeOffset start, int? anchorDay, CollectionMethod collection, int netTermsDays, DateTimeOffset now)
    {
        if (netTermsDays is < 0 or > MaxNetTermsDays)
        {
            throw new BusinessRuleViolation("invalid_net_terms", $"Net terms are 0 to {MaxNetTermsDays} days.");
        }

        var startDate = start.StartOfUtcDay();
        return new Subscription
        {
            Id = OpaqueId.New(IdPrefix, now),
            CustomerId = customerId,
            PlanId = planId,
            StartDate = startDate,
            AnchorDay = anchorDay ?? startDate.Day,
            CollectionMethod = collection,
            NetTermsDays = netTermsDays,
            CreatedAt = now,
        };
    }

    public BillingCycle CycleFor(BillingInterval interval) => BillingCycle.Create(StartDate, AnchorDay, interval);
}
