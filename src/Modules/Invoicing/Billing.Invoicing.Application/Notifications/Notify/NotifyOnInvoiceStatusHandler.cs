using System.Text.Json;
using Billing.BuildingBlocks.Application.Events;
using Billing.BuildingBlocks.Application.Validation;
using Billing.BuildingBlocks.Domain;
using Billing.Customers.Contracts;
using Billing.Invoicing.Domain.Invoices;
using Billing.Invoicing.Domain.Notifications;
using MediatR;

namespace Billing.Invoicing.Application.Notifications.Notify;

/// <summary>
/// INV-11: an invoice gone past due notifies the admins (the admin feed) and the customer by the
/// channel of its <c>pastDue</c> preference; a finalized one notifies the customer per
/// <c>invoiceIssued</c>. A webhook notice is queued for every enabled endpoint of the environment.
/// All of it in the transaction of the status change, so no notice is lost or sent for a change
/// that did not happen.
/// </summary>
internal sealed class NotifyOnInvoiceStatusHandler(INotificationRepository notifications, IMediator mediator)
    : IDomainEventHandler<InvoiceStatusChanged>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task Handle(DomainEventNotification<InvoiceStatusChanged> notification, CancellationToken cancellationToken)
    {
        var change = notification.DomainEvent;
        var (type, preference) = change.To switch
        {
            InvoiceStatus.PastDue => ("invoice.past_due", (Func<NotificationPreferencesDto, string>)(preferences => preferences.PastDue)),
            InvoiceStatus.Open => ("invoice.issued", preferences => preferences.InvoiceIssued),
            _ => (null, null),
        };
        if (type is null || preference is null)
        {
            return;
        }

        var invoice = change.Invoice;
        if (change.To == InvoiceStatus.PastDue)
        {
            await RecordAsync(type, "admins", "admin_feed", invoice, change.OccurredAt, cancellationToken);
        }

        var customer = await mediator.Send(new GetCustomerQuery(invoice.CustomerId), cancellationToken);
        var channel = preference(customer.NotificationPreferences);
        if (channel is "email" or "webhook")
        {
            await RecordAsync(type, "customer", channel, invoice, change.OccurredAt, cancellationToken);
        }
    }

    private async Task RecordAsync(string type, string audience, string channel, Invoice invoice, DateTimeOffset now, CancellationToken cancellationToken)
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
