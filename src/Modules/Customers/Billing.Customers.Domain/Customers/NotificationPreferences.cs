namespace Billing.Customers.Domain.Customers;

/// <summary>CUS-1: how the customer hears about each billing event.</summary>
internal sealed record NotificationPreferences(
    NotificationChannel InvoiceIssued,
    NotificationChannel PaymentFailed,
    NotificationChannel PastDue)
{
    /// <summary>Email when there is an address to send to, nothing otherwise.</summary>
    public static NotificationPreferences DefaultFor(string? email)
    {
        var channel = email is null ? NotificationChannel.None : NotificationChannel.Email;
        return new NotificationPreferences(channel, channel, channel);
    }

    public bool UsesEmail =>
        InvoiceIssued == NotificationChannel.Email || PaymentFailed == NotificationChannel.Email || PastDue == NotificationChannel.Email;
}
