using Billing.BuildingBlocks.Application.Messaging;

namespace Billing.Metering.Contracts;

/// <summary>
/// MET-6: a customer's usage in <c>[From, To)</c>, per meter (or one meter by code), aggregated in
/// the database. Invoicing rates a period with exactly these quantities.
/// </summary>
public sealed record GetUsageSummaryQuery(string CustomerId, string? MeterCode, DateTimeOffset From, DateTimeOffset To)
    : IQuery<UsageSummaryDto>;

public sealed record UsageSummaryDto(string CustomerId, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<MeterUsageDto> Meters);

/// <summary>The aggregated quantity of one meter and how many events it came from.</summary>
public sealed record MeterUsageDto(string MeterCode, string EventName, string Aggregation, decimal Quantity, long EventCount);
