namespace Billing.Invoicing.Domain.Subscriptions;

/// <summary>
/// PLN-6: the subscription is on <see cref="PlanId"/> from <see cref="StartsAt"/> until the next
/// phase. A subscription that never changed plan has none (its plan is in force throughout).
/// </summary>
internal sealed class PlanPhase
{
    private PlanPhase()
    {
    }

    public PlanPhase(int number, string planId, DateTimeOffset startsAt, bool prorate, DateTimeOffset createdAt)
    {
        Number = number;
        PlanId = planId;
        StartsAt = startsAt;
        Prorate = prorate;
        CreatedAt = createdAt;
    }

    public int Number { get; private set; }

    public string PlanId { get; private set; } = string.Empty;

    public DateTimeOffset StartsAt { get; private set; }

    /// <summary>
    /// Whether the fixed fees split where the phase starts (each plan's fees prorated), or the period
    /// keeps the fees of the plan it started on and the new plan's begin with the next period.
    /// </summary>
    public bool Prorate { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}
