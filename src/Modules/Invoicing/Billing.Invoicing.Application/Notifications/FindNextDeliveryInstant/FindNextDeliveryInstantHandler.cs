using MediatR;

namespace Billing.Invoicing.Application.Notifications.FindNextDeliveryInstant;

internal sealed class FindNextDeliveryInstantHandler(INotificationRepository notifications) : IRequestHandler<FindNextDeliveryInstantQuery, DateTimeOffset?>
{
    public Task<DateTimeOffset?> Handle(FindNextDeliveryInstantQuery query, CancellationToken cancellationToken) =>
        notifications.NextDeliveryAttemptAfterAsync(query.After, cancellationToken);
}
