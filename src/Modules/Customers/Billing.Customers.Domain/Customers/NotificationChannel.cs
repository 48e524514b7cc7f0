namespace Billing.Customers.Domain.Customers;

internal enum NotificationChannel
{
    Email,
    Webhook,
    None,
}
