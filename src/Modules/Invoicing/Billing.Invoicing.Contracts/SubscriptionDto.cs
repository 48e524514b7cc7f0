namespace Billing.Invoicing.Contracts;

/// <summary>A subscription. <c>collectionMethod</c>: charge_automatically or send_invoice.</summary>
public sealed record SubscriptionDto(
    string Id,
    string CustomerId,
    string PlanCode,
    DateTimeOffset StartDate,
    int AnchorDay,
    string CollectionMethod,
    int NetTermsDays,
    DateTimeOffset CreatedAt);
