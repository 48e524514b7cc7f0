using System.Text.Json.Serialization;
using Billing.BuildingBlocks.Application.Messaging;
using Billing.Customers.Contracts;

namespace Billing.Customers.Application.Customers.UpdateCustomer;

/// <summary>
/// CUS-1 partial update: a field that is absent or null stays as it is; <c>stripeCustomerId: ""</c>
/// removes the link. External id and currency are fixed at creation and not accepted here.
/// </summary>
internal sealed record UpdateCustomerCommand(
    string? Kind,
    string? Name,
    string? Email,
    decimal? TaxRate,
    NotificationPreferencesInput? NotificationPreferences,
    string? StripeCustomerId) : ICommand<CustomerDto>
{
    /// <summary>From the route, not the body.</summary>
    [JsonIgnore]
    public string CustomerId { get; init; } = string.Empty;
}
