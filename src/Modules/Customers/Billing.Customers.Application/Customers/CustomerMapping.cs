using Billing.BuildingBlocks.Application.Validation;
using Billing.BuildingBlocks.Domain;
using Billing.Customers.Contracts;
using Billing.Customers.Domain.Customers;

namespace Billing.Customers.Application.Customers;

/// <summary>Explicit projections from the domain to the wire; no mapping library.</summary>
internal static class CustomerMapping
{
    public const string AuditEntityType = "customer";

    public static CustomerDto ToDto(this Customer customer, BillingEnvironment environment) => new(
        customer.Id,
        customer.ExternalId,
        environment.ToWireName(),
        WireName.Of(customer.Kind),
        customer.Name,
        customer.Email,
        customer.Currency.Code,
        customer.TaxRate,
        customer.NotificationPreferences.ToDto(),
        customer.StripeCustomerId,
        WireName.Of(customer.Status),
        customer.CreatedAt,
        customer.UpdatedAt,
        customer.ArchivedAt);

    public static NotificationPreferencesDto ToDto(this NotificationPreferences preferences) => new(
        WireName.Of(preferences.InvoiceIssued),
        WireName.Of(preferences.PaymentFailed),
        WireName.Of(preferences.PastDue));

    /// <summary>What the audit trail compares before and after a change (AUD-1).</summary>
    public static CustomerSnapshot ToSnapshot(this Customer customer) => new(
        customer.ExternalId,
        WireName.Of(customer.Kind),
        customer.Name,
        customer.Email,
        customer.Currency.Code,
        customer.TaxRate,
        WireName.Of(customer.NotificationPreferences.InvoiceIssued),
        WireName.Of(customer.NotificationPreferences.PaymentFailed),
        WireName.Of(customer.NotificationPreferences.PastDue),
        customer.StripeCustomerId,
        WireName.Of(customer.Status));
}

internal sealed record CustomerSnapshot(
    string ExternalId,
    string Kind,
    string Name,
    string? Email,
    string Currency,
    decimal TaxRate,
    string InvoiceIssuedNotification,
    string PaymentFailedNotification,
    string PastDueNotification,
    string? StripeCustomerId,
    string Status);
