using Billing.Customers.Contracts;
using MediatR;

namespace Billing.Payments.Application.Customers.CreateStripeCustomer;

/// <summary>
/// PAY-2: a customer created with <c>?stripe=true</c> gets its Stripe customer. Reacting to the
/// outbox event, not calling Stripe in the request, means a Stripe outage never loses the customer
/// or fails its creation; the call is retried until Stripe answers.
/// </summary>
internal sealed class CreateStripeCustomerOnCustomerCreated(IMediator mediator) : INotificationHandler<CustomerCreatedIntegrationEvent>
{
    public async Task Handle(CustomerCreatedIntegrationEvent notification, CancellationToken cancellationToken)
    {
        if (notification.CreateStripeCustomer)
        {
            await mediator.Send(new CreateStripeCustomerCommand(notification.CustomerId), cancellationToken);
        }
    }
}
