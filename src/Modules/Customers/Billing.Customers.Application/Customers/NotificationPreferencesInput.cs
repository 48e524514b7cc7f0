using Billing.BuildingBlocks.Application.Validation;
using Billing.Customers.Domain.Customers;

namespace Billing.Customers.Application.Customers;

/// <summary>Notification preferences as sent; a missing channel keeps what it was (or the default).</summary>
internal sealed record NotificationPreferencesInput(string? InvoiceIssued, string? PaymentFailed, string? PastDue)
{
    public NotificationPreferences ApplyTo(NotificationPreferences current) => new(
        InvoiceIssued is null ? current.InvoiceIssued : WireName.Parse<NotificationChannel>(InvoiceIssued),
        PaymentFailed is null ? current.PaymentFailed : WireName.Parse<NotificationChannel>(PaymentFailed),
        PastDue is null ? current.PastDue : WireName.Parse<NotificationChannel>(PastDue));
}
