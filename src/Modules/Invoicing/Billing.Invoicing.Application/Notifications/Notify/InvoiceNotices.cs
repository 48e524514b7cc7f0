using System.Text.Json;
using Billing.BuildingBlocks.Application.Validation;
using Billing.BuildingBlocks.Domain;
using Billing.Customers.Contracts;
using Billing.Invoicing.Application.Customers;
using Billing.Invoicing.Domain.Invoices;
using Billing.Invoicing.Domain.Notifications;

namespace Billing.Invoicing.Application.Notifications.Notify;

/// <summary>
/// Records a notice about an invoice for admins (the admin feed) and for the customer by the channel
/// of one of its preferences, and queues a webhook delivery to every enabled endpoint where it goes
/// by webhook or to admins. Called inside the transaction of the change it tells about.
/// </summary>
internal sealed class InvoiceNotices(INotificationRepository notifications, CustomerDirectory customers)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task SendAsync(
        string type, Invoice invoice, bool toAdmins, Func<NotificationPreferencesDto, string> customerPreference, DateTimeOffset now, object? detail, CancellationToken cancellationToken)
    {
        if (toAdmins)
        {
            await RecordAsync(type, "admins", "admin_feed", invoice, now, detail, cancellationToken);
        }

        var customer = await customers.GetAsync(invoice.CustomerId, cancellationToken);
        var channel = customerPreference(customer.NotificationPreferences);
        if (channel is "email" or "webhook")
        {
            await RecordAsync(type, "customer", channel, invoice, now, detail, cancellationToken);
        }
    }

    private async Task RecordAsync(string type, string audience, string channel, Invoice invoice, DateTimeOffset now, object? detail, CancellationToken cancellationToken)
    {
        var id = OpaqueId.New(Notification.IdPrefix, now);
        var payload = JsonSerializer.Serialize(new
        {
            id,
            type,
            audience,
            createdAt = now,
            data = new
            {
                invoiceId = invoice.Id,
                number = invoice.Number,
                status = WireName.Of(invoice.Status),
                customerId = invoice.CustomerId,
                currency = invoice.Currency.Code,
                total = invoice.Total,
                dueDate = invoice.DueDate,
                detail,
            },
        }, Json);
        notifications.Add(Notification.Record(id, type, audience, channel, invoice.Id, invoice.CustomerId, payload, now));
        if (channel != "webhook" && audience != "admins")
        {
            return;
        }

        foreach (var endpoint in await notifications.EndpointsAsync(enabledOnly: true, cancellationToken))
        {
            notifications.Add(WebhookDelivery.Queue(id, endpoint.Id, now));
        }
    }
}
