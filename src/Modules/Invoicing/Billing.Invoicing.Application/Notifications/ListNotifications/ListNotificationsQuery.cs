using Billing.BuildingBlocks.Application.Messaging;
using Billing.Invoicing.Contracts;
using MediatR;

namespace Billing.Invoicing.Application.Notifications.ListNotifications;

/// <summary>INV-11: the recorded notifications, newest first, optionally of one invoice, with their deliveries.</summary>
internal sealed record ListNotificationsQuery(string? Invoice) : IQuery<IReadOnlyList<NotificationDto>>;

internal sealed class ListNotificationsHandler(INotificationRepository notifications) : IRequestHandler<ListNotificationsQuery, IReadOnlyList<NotificationDto>>
{
    public async Task<IReadOnlyList<NotificationDto>> Handle(ListNotificationsQuery query, CancellationToken cancellationToken) =>
        (await notifications.ListAsync(query.Invoice, 100, cancellationToken))
            .Select(item => new NotificationDto(
                item.Notification.Id, item.Notification.Type, item.Notification.Audience, item.Notification.Channel, item.Notification.InvoiceId,
                item.Notification.CustomerId, item.Notification.CreatedAt,
                item.Deliveries.Select(delivery => new WebhookDeliveryDto(
                    delivery.Id, delivery.EndpointId, delivery.State, delivery.Attempts, delivery.LastStatusCode, delivery.LastError, delivery.NextAttemptAt, delivery.DeliveredAt))
                    .ToList()))
            .ToList();
}
