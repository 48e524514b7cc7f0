using Billing.Invoicing.Domain.Notifications;

namespace Billing.Invoicing.Application.Notifications;

/// <summary>Notifications, webhook endpoints and deliveries of the caller's environment.</summary>
internal interface INotificationRepository
{
    void Add(Notification notification);

    void Add(WebhookDelivery delivery);

    void Add(WebhookEndpoint endpoint);

    Task<IReadOnlyList<WebhookEndpoint>> EndpointsAsync(bool enabledOnly, CancellationToken cancellationToken);

    Task<WebhookEndpoint?> FindEndpointAsync(string id, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> DueDeliveriesAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>OPS-4: the earliest next attempt of a pending delivery after the instant, if any.</summary>
    Task<DateTimeOffset?> NextDeliveryAttemptAfterAsync(DateTimeOffset after, CancellationToken cancellationToken);

    Task<WebhookDelivery?> FindDeliveryAsync(string id, CancellationToken cancellationToken);

    Task<DeliveryWork?> DeliveryWorkAsync(string deliveryId, CancellationToken cancellationToken);

    Task<IReadOnlyList<(Notification Notification, IReadOnlyList<WebhookDelivery> Deliveries)>> ListAsync(string? invoiceId, int limit, CancellationToken cancellationToken);
}

/// <summary>What one delivery attempt sends, and where.</summary>
internal sealed record DeliveryWork(string DeliveryId, string NotificationId, string Type, string Url, string Secret, string Payload);
