using Billing.BuildingBlocks.Application.Messaging;
using Billing.Customers.Contracts;

namespace Billing.Customers.Application.Customers.CreateCustomer;

/// <summary>CUS-1. Every field is optional here so the validator can name each missing one.</summary>
internal sealed record CreateCustomerCommand(
    string? ExternalId,
    string? Kind,
    string? Name,
    string? Email,
    string? Currency,
    decimal? TaxRate,
    NotificationPreferencesInput? NotificationPreferences,
    string? StripeCustomerId) : ICommand<CustomerDto>
{
    /// <summary>PAY-2: <c>?stripe=true</c> on the request, so Payments makes the Stripe customer.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool CreateInStripe { get; init; }
}
