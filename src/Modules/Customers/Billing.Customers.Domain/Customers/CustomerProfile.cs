namespace Billing.Customers.Domain.Customers;

/// <summary>The editable part of a customer: what an update may replace as a whole.</summary>
internal sealed record CustomerProfile(
    CustomerKind Kind,
    string Name,
    string? Email,
    decimal TaxRate,
    NotificationPreferences NotificationPreferences,
    string? StripeCustomerId);
