using Billing.BuildingBlocks.Application.Access;
using Billing.BuildingBlocks.Application.Errors;
using Billing.BuildingBlocks.Domain;
using Billing.Customers.Contracts;
using Billing.Payments.Application.Connections;
using Billing.Payments.Application.Provider;
using Billing.Payments.Contracts;
using MediatR;

namespace Billing.Payments.Application.Customers.StartPaymentMethodSetup;

/// <summary>
/// The session is made while the client waits: there is nothing to queue, and a session lost to a
/// crash is harmless (it expires unused). Its key is fresh per request, so a retried request makes
/// a new page rather than replaying an expired one.
/// </summary>
internal sealed class StartPaymentMethodSetupHandler(IMediator mediator, IProviderConnections connections, IPaymentProvider provider, ICallerContext caller)
    : IRequestHandler<StartPaymentMethodSetupCommand, PaymentMethodSetupDto>
{
    public async Task<PaymentMethodSetupDto> Handle(StartPaymentMethodSetupCommand command, CancellationToken cancellationToken)
    {
        var customer = await mediator.Send(new GetCustomerQuery(command.CustomerId), cancellationToken);
        if (customer.StripeCustomerId is null)
        {
            throw new BusinessRuleViolation("customer_not_linked", $"Customer {customer.Id} has no Stripe customer yet; link one or create it with ?stripe=true.");
        }

        var credentials = await connections.CurrentAsync(cancellationToken)
            ?? throw new BusinessRuleViolation("stripe_not_configured", "This environment has no Stripe secret key; set it with PUT /v1/settings/payments/stripe.");
        try
        {
            var key = $"billing-{caller.Environment.ToWireName()}-setup-{customer.Id}-{Guid.NewGuid():N}";
            var setup = await provider.StartPaymentMethodSetupAsync(
                credentials, customer.StripeCustomerId, command.SuccessUrl!, command.CancelUrl ?? command.SuccessUrl!, key, cancellationToken);
            return new PaymentMethodSetupDto(setup.Url, setup.ExpiresAt);
        }
        catch (PaymentProviderException failure) when (failure.Transient)
        {
            throw new UpstreamUnavailableException("payment_provider_unavailable", $"Stripe did not answer ({failure.Code}); try again shortly.");
        }
        catch (PaymentProviderException failure)
        {
            throw new BusinessRuleViolation("payment_provider_refused", $"Stripe refused the setup: {failure.Message}");
        }
    }
}
