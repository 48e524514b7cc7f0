using Billing.Invoicing.Application.Notifications;
using Billing.Invoicing.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Billing.Invoicing.Infrastructure.Persistence;

internal sealed class NotificationRepository(InvoicingDbContext context) : INotificationRepository
{
    public void Add(Notification notification) => context.Notifications.Add(notification);

    public void Add(WebhookDelivery delivery) => context.WebhookDeliveries.Add(delivery);

    public void Add(WebhookEndpoint endpoint) => context.WebhookEndpoints.Add(endpoint);

    public async Task<IReadOnlyList<WebhookEndpoint>> EndpointsAsync(bool enabledOnly, CancellationToken cancellationToken) =>
        await context.WebhookEndpoints.Where(endpoint => !enabledOnly || endpoint.DisabledAt == null)
            .OrderBy(endpoint => endpoint.CreatedAt).ToListAsync(cancellationToken);

    public Task<WebhookEndpoint?> FindEndpointAsync(string id, CancellationToken cancellationToken) =>
        context.WebhookEndpoints.SingleOrDefaultAsync(endpoint => endpoint.Id == id, cancellationToken);

    public async Task<DateTimeOffset?> NextDeliveryAttemptAfterAsync(DateTimeOffset after, CancellationToken cancellationToken) =>
        await context.WebhookDeliveries.Where(delivery => delivery.NextAttemptAt != null && delivery.NextAttemptAt > after)
            .OrderBy(delivery => delivery.NextAttemptAt).Select(delivery => delivery.NextAttemptAt).FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<string>> DueDeliveriesAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        await context.WebhookDeliveries.Where(delivery => delivery.NextAttemptAt != null && delivery.NextAttemptAt <= now)
            .OrderBy(delivery => delivery.NextAttemptAt).Select(delivery => delivery.Id).Take(limit).ToListAsync(cancellationToken);

    public Task<WebhookDelivery?> FindDeliveryAsync(string id, CancellationToken cancellationToken) =>
        context.WebhookDeliveries.SingleOrDefaultAsync(delivery => delivery.Id == id, cancellationToken);

    public Task<DeliveryWork?> DeliveryWorkAsync(string deliveryId, CancellationToken cancellationToken) =>
        (from delivery in context.WebhookDeliveries
         join notification in context.Notifications on delivery.NotificationId equals notification.Id
         join endpoint in context.WebhookEndpoints on delivery.EndpointId equals endpoint.Id
         where delivery.Id == deliveryId && delivery.NextAttemptAt != null
         select new DeliveryWork(delivery.Id, notification.Id, notification.Type, endpoint.Url, endpoint.StoredSecret, notification.Payload))
        .SingleOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<(Notification Notification, IReadOnlyList<WebhookDelivery> Deliveries)>> ListAsync(
        string? invoiceId, int limit, CancellationToken cancellationToken)
    {
        var notifications = await context.Notifications.AsNoTracking()
            .Where(notification => invoiceId == null || notification.InvoiceId == invoiceId)
            .OrderByDescending(notification => notification.CreatedAt).ThenByDescending(notification => notification.Id)
            .Take(limit).ToListAsync(cancellationToken);
        var ids = notifications.Select(notification => notification.Id).ToList();
        var deliveries = await context.WebhookDeliveries.AsNoTracking().Where(delivery => ids.Contains(delivery.NotificationId)).ToListAsync(cancellationToken);
        return notifications
            .Select(notification => (notification, (IReadOnlyList<WebhookDelivery>)deliveries.Where(delivery => delivery.NotificationId == notification.Id).ToList()))
            .ToList();
    }
}
