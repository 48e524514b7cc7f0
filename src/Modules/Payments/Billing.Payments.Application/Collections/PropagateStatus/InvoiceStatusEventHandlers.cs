using Billing.Invoicing.Contracts;
using Billing.Payments.Domain.Operations;
using MediatR;

namespace Billing.Payments.Application.Collections.PropagateStatus;

/// <summary>INV-10: a void, also the one a regeneration makes, follows the invoice to the provider.</summary>
internal sealed class VoidAtProviderHandler(IMediator mediator) : INotificationHandler<InvoiceVoidedIntegrationEvent>
{
    public Task Handle(InvoiceVoidedIntegrationEvent notification, CancellationToken cancellationToken) =>
        mediator.Send(new PropagateInvoiceStatusCommand(notification.InvoiceId, ProviderOperationKind.VoidInvoice), cancellationToken);
}

/// <summary>An invoice written off in Billing is written off at the provider, so it stops collecting.</summary>
internal sealed class MarkUncollectibleAtProviderHandler(IMediator mediator) : INotificationHandler<InvoiceMarkedUncollectibleIntegrationEvent>
{
    public Task Handle(InvoiceMarkedUncollectibleIntegrationEvent notification, CancellationToken cancellationToken) =>
        mediator.Send(new PropagateInvoiceStatusCommand(notification.InvoiceId, ProviderOperationKind.MarkUncollectible), cancellationToken);
}
