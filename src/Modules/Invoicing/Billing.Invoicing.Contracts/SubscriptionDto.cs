namespace Billing.Invoicing.Contracts;

/// <summary>
/// A subscription. <c>status</c>: active, or canceled once it has ended. <c>collectionMethod</c>:
/// charge_automatically or send_invoice. <c>nextPeriodStart</c>/<c>nextPeriodEnd</c>: the next
/// period to be invoiced (INV-2). <c>endsAt</c>: set by a cancellation or the customer's archive —
/// nothing from then on is billed, and a period it falls inside ends there (PLN-5, CUS-3);
/// <c>canceledAt</c> and <c>cancellationReason</c>: when and why it was asked for. <c>trialEndsAt</c>:
/// the first day charged after a trial (PLN-4); nothing before it is billed. <c>planCode</c>: the plan
/// it is on from its latest phase; <c>planPhases</c>: after a plan change (PLN-6), every plan it has
/// been or will be on and from when (a change at the period end shows as a phase not started yet).
/// </summary>
public sealed record SubscriptionDto(
    string Id,
    string CustomerId,
    string PlanCode,
    DateTimeOffset StartDate,
    int AnchorDay,
    string CollectionMethod,
    int NetTermsDays,
    DateTimeOffset CreatedAt,
    DateTimeOffset NextPeriodStart,
    DateTimeOffset NextPeriodEnd,
    DateTimeOffset? EndsAt,
    string Status,
    DateTimeOffset? CanceledAt,
    string? CancellationReason,
    DateTimeOffset? TrialEndsAt,
    IReadOnlyList<PlanPhaseDto> PlanPhases);

/// <summary>PLN-6: the subscription is on <c>planCode</c> from <c>startsAt</c>; <c>proration</c>: prorate or none.</summary>
public sealed record PlanPhaseDto(string PlanCode, DateTimeOffset StartsAt, string Proration);
