namespace Billing.Invoicing.Contracts;

/// <summary>
/// A subscription. <c>collectionMethod</c>: charge_automatically or send_invoice.
/// <c>nextPeriodStart</c>/<c>nextPeriodEnd</c>: the next period to be invoiced (INV-2); <c>endsAt</c>:
/// set when the customer was archived — no period starting after it is billed (CUS-3).
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
    DateTimeOffset? EndsAt);
