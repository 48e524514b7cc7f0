using Billing.BuildingBlocks.Application.Messaging;

namespace Billing.Metering.Contracts;

/// <summary>
/// MET-6 for many customers at once: each one's usage of every meter in <c>[From, To)</c>, with one
/// aggregate query per meter for all of them (Invoicing rates a batch of subscriptions this way).
/// The ids are not checked: the caller takes them from its own records. A customer without usage
/// gets zero for every meter; an empty range gives zeros.
/// </summary>
public sealed record GetUsageSummariesQuery(IReadOnlyCollection<string> CustomerIds, DateTimeOffset From, DateTimeOffset To)
    : IQuery<IReadOnlyDictionary<string, UsageSummaryDto>>;
