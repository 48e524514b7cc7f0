using System.Text.Json.Serialization;
using Billing.BuildingBlocks.Application.Messaging;
using Billing.Invoicing.Contracts;

namespace Billing.Invoicing.Application.Plans.AddPlanVersion;

/// <summary>
/// PLN-3: new prices from <c>effectiveFrom</c> (now when absent) on; earlier periods keep theirs.
/// PLN-7: with <c>correction</c> true, <c>effectiveFrom</c> is in the past and a <c>reason</c> is required.
/// </summary>
internal sealed record AddPlanVersionCommand(
    DateTimeOffset? EffectiveFrom, FixedFeesDto? FixedFees, IReadOnlyList<UsageChargeDto>? Charges, bool? Correction = null, string? Reason = null)
    : ICommand<PlanDto>
{
    [JsonIgnore]
    public string PlanCode { get; init; } = string.Empty;
}
