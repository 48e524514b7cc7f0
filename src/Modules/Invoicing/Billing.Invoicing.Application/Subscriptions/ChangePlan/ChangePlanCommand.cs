using Billing.BuildingBlocks.Application.Messaging;
using Billing.Invoicing.Contracts;

namespace Billing.Invoicing.Application.Subscriptions.ChangePlan;

/// <summary>
/// PLN-6: move the subscription to the plan <c>planCode</c> (same currency and interval) <c>at</c>
/// <c>now</c> or <c>period_end</c>; <c>proration</c> <c>prorate</c> (the default) or <c>none</c>.
/// </summary>
internal sealed record ChangePlanCommand(string? PlanCode, string? At, string? Proration) : ICommand<SubscriptionDto>
{
    [System.Text.Json.Serialization.JsonIgnore]
    public string SubscriptionId { get; init; } = string.Empty;
}
