namespace Billing.Metering.Contracts;

/// <summary>A meter. <c>aggregation</c>: count, sum, max, unique_count or latest.</summary>
public sealed record MeterDto(
    string Id,
    string Code,
    string DisplayName,
    string EventName,
    string Aggregation,
    string? Property,
    DateTimeOffset CreatedAt);
