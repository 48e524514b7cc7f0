using Billing.Customers.Contracts;
using MediatR;

namespace Billing.Invoicing.Application.Subscriptions.EndOnCustomerArchived;

/// <summary>
/// CUS-3: archiving a customer stops future cycles. The period running at the archive instant is
/// still invoiced when it ends (its usage happened); no later period is. Idempotent: a redelivered
/// event finds the end already set.
/// </summary>
internal sealed class EndSubscriptionsOnCustomerArchivedHandler(IMediator mediator) : INotificationHandler<CustomerArchivedIntegrationEvent>
{
    public Task Handle(CustomerArchivedIntegrationEvent notification, CancellationToken cancellationToken) =>
        mediator.Send(new EndCustomerSubscriptionsCommand(notification.CustomerId, notification.OccurredAt), cancellationToken);
}

internal sealed record EndCustomerSubscriptionsCommand(string CustomerId, DateTimeOffset EndsAt) : BuildingBlocks.Application.Messaging.ICommand<int>;

internal sealed class EndCustomerSubscriptionsHandler(ISubscriptionRepository subscriptions) : IRequestHandler<EndCustomerSubscriptionsCommand, int>
{
    public async Task<int> Handle(EndCustomerSubscriptionsCommand command, CancellationToken cancellationToken)
    {
        var ended = await subscriptions.FindByCustomerAsync(command.CustomerId, cancellationToken);
        foreach (var subscription in ended)
        {
            subscription.EndAt(command.EndsAt);
        }

        return ended.Count;
    }
}
