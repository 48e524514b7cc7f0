using Billing.BuildingBlocks.Application.Messaging;
using Billing.Invoicing.Contracts;

namespace Billing.Invoicing.Application.Subscriptions.CancelSubscription;

/// <summary>PLN-5: <c>at</c> is <c>now</c> or <c>period_end</c>; the reason goes to the audit trail (AUD-1).</summary>
internal sealed record CancelSubscriptionCommand(string? At, string? Reason) : ICommand<SubscriptionDto>
{
    [System.Text.Json.Serialization.JsonIgnore]
    public string SubscriptionId { get; init; } = string.Empty;
}
