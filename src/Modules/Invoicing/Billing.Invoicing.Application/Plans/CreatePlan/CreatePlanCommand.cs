using Billing.BuildingBlocks.Application.Messaging;
using Billing.Invoicing.Contracts;

namespace Billing.Invoicing.Application.Plans.CreatePlan;

/// <summary>PLN-1: a plan and its first version, in force from now.</summary>
internal sealed record CreatePlanCommand(
    string? Code,
    string? Name,
    string? Currency,
    string? Interval,
    FixedFeesDto? FixedFees,
    IReadOnlyList<UsageChargeDto>? Charges) : ICommand<PlanDto>;
