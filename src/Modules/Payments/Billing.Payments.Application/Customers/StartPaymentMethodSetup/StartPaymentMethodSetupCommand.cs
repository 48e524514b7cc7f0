using Billing.Payments.Contracts;
using MediatR;

namespace Billing.Payments.Application.Customers.StartPaymentMethodSetup;

/// <summary>
/// PAY-3: a Stripe Checkout page (setup mode) where the customer enters a card. Stripe sends the
/// customer to <c>successUrl</c> when done, or to <c>cancelUrl</c> (default: the success URL).
/// Neither a command nor a query: it writes nothing in Billing, so it holds no transaction while
/// Stripe answers.
/// </summary>
internal sealed record StartPaymentMethodSetupCommand(string? SuccessUrl, string? CancelUrl) : IRequest<PaymentMethodSetupDto>
{
    [System.Text.Json.Serialization.JsonIgnore]
    public string CustomerId { get; init; } = string.Empty;
}
