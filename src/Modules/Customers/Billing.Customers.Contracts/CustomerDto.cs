namespace Billing.Customers.Contracts;

/// <summary>A customer as the API and other modules see it. Enum values use their wire names.</summary>
public sealed record CustomerDto(
    string Id,
    string ExternalId,
    string Environment,
    string Kind,
    string Name,
    string? Email,
    string Currency,
    decimal TaxRate,
    NotificationPreferencesDto NotificationPreferences,
    string? StripeCustomerId,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ArchivedAt);
