using Billing.BuildingBlocks.Application.Messaging;

namespace Billing.Metering.Contracts;

/// <summary>
/// MET-6: a customer's usage in <c>[From, To)</c>, per meter (or one meter by code), aggregated in
/// the database. Invoicing rates a period with exactly these quantities. An unknown customer is an
/// error, unless <c>CustomerKnown</c>: the caller took the id from its own records (Invoicing rating a
/// subscription) and the check would only cost a round trip per invoice.
/// </summary>
public sealed record GetUsageSummaryQuery(string CustomerId, string? MeterCode, DateTimeOffset From, DateTimeOffset To, bool CustomerKnown = false)
    : IQuery<UsageSummaryDto>;

public sealed record UsageSummaryDto(string CustomerId, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<MeterUsageDto> Meters);

/// <summary>The aggregated quantity of one meter and how many events it came from.</summary>
public sealed record MeterUsageDto(string MeterCode, string EventName, string Aggregation, decimal Quantity, long EventCount);
