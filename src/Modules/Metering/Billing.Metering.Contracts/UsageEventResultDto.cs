using System.Text.Json.Serialization;

namespace Billing.Metering.Contracts;

/// <summary>
/// MET-3: what happened to one event (reason and detail are left out when there are none, which
/// keeps the answer to a large accepted batch small). <c>status</c>: accepted, duplicate or rejected; a rejection
/// has a machine-readable <c>reason</c> and a sentence in <c>detail</c>.
/// </summary>
public sealed record UsageEventResultDto(
    string? Id,
    string Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Detail);

/// <summary>The answer to a batch: one result per event, in the order sent.</summary>
public sealed record UsageBatchResultDto(int Accepted, int Duplicates, int Rejected, IReadOnlyList<UsageEventResultDto> Results);
