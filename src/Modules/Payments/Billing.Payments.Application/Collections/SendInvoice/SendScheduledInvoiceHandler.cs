using Billing.Customers.Contracts;
using Billing.Invoicing.Contracts;
using MediatR;

namespace Billing.Payments.Application.Collections.SendInvoice;

/// <summary>
/// PAY-4: a scheduled invoice goes to the provider as soon as it is finalized; manual ones wait for
/// an admin's charge (INV-9). Unlinked customers are the common case and are answered by a read,
/// without opening a write transaction for every invoice of a large cycle.
/// </summary>
internal sealed class SendScheduledInvoiceHandler(IMediator mediator) : INotificationHandler<InvoiceFinalizedIntegrationEvent>
{
    public async Task Handle(InvoiceFinalizedIntegrationEvent notification, CancellationToken cancellationToken)
    {
        if (notification.Kind != "scheduled"
            || (await mediator.Send(new GetCustomerQuery(notification.CustomerId), cancellationToken)).StripeCustomerId is null)
        {
            return;
        }

        await mediator.Send(new SendInvoiceToProviderCommand(notification.InvoiceId, ByAdmin: false), cancellationToken);
    }
}
