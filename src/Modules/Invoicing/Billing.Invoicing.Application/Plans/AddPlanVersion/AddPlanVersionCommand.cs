using System.Text.Json.Serialization;
using Billing.BuildingBlocks.Application.Messaging;
using Billing.Invoicing.Contracts;

namespace Billing.Invoicing.Application.Plans.AddPlanVersion;

/// <summary>PLN-3: new prices from <c>effectiveFrom</c> (now when absent) on; earlier periods keep theirs.</summary>
internal sealed record AddPlanVersionCommand(DateTimeOffset? EffectiveFrom, FixedFeesDto? FixedFees, IReadOnlyList<UsageChargeDto>? Charges)
    : ICommand<PlanDto>
{
    [JsonIgnore]
    public string PlanCode { get; init; } = string.Empty;
}
