using Billing.BuildingBlocks.Application.Audit;
using Billing.Customers.Contracts;
using Billing.Invoicing.Application.Plans;
using Billing.Invoicing.Domain.Subscriptions;
using MediatR;

namespace Billing.Invoicing.Application.Subscriptions.EndOnCustomerArchived;

/// <summary>
/// CUS-3, PLN-5: archiving a customer cancels its subscriptions now, as of the archive instant: the
/// period running then is cut there and invoiced prorated; no later period is. Idempotent: a
/// redelivered event finds every subscription ending at or before that instant and leaves it.
/// </summary>
internal sealed class EndSubscriptionsOnCustomerArchivedHandler(IMediator mediator) : INotificationHandler<CustomerArchivedIntegrationEvent>
{
    public Task Handle(CustomerArchivedIntegrationEvent notification, CancellationToken cancellationToken) =>
        mediator.Send(new EndCustomerSubscriptionsCommand(notification.CustomerId, notification.OccurredAt), cancellationToken);
}

internal sealed record EndCustomerSubscriptionsCommand(string CustomerId, DateTimeOffset ArchivedAt) : BuildingBlocks.Application.Messaging.ICommand<int>;

internal sealed class EndCustomerSubscriptionsHandler(ISubscriptionRepository subscriptions, IPlanRepository plans, IAuditTrail audit) : IRequestHandler<EndCustomerSubscriptionsCommand, int>
{
    public const string Reason = "customer archived";

    public async Task<int> Handle(EndCustomerSubscriptionsCommand command, CancellationToken cancellationToken)
    {
        var ended = 0;
        foreach (var subscription in await subscriptions.FindByCustomerAsync(command.CustomerId, cancellationToken))
        {
            // Already ending by then (or before it ever started): nothing to move.
            if (subscription.EndsAt <= command.ArchivedAt || subscription.EndsAt <= subscription.StartDate)
            {
                continue;
            }

            var plan = (await plans.ReadByIdAsync(subscription.PlanId, cancellationToken))!;
            var codes = await plans.PlanCodesAsync(subscription, cancellationToken);
            var before = subscription.ToDto(codes, command.ArchivedAt);
            subscription.Cancel(CancellationTiming.Now, plan.Interval, command.ArchivedAt, Reason);
            audit.Record(SubscriptionMapping.AuditEntityType, subscription.Id, "canceled",
                AuditChanges.Between(before, subscription.ToDto(codes, command.ArchivedAt)), Reason);
            ended++;
        }

        return ended;
    }
}
