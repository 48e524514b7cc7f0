using Billing.BuildingBlocks.Application.Validation;
using Billing.Customers.Domain.Customers;
using FluentValidation;

namespace Billing.Customers.Application.Customers;

/// <summary>Field rules shared by create and update, so a field is judged the same way by both.</summary>
internal static class CustomerRules
{
    public const int MaxEmailLength = 254;

    public static IRuleBuilderOptions<T, string?> CustomerName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(name => !string.IsNullOrWhiteSpace(name)).WithMessage("name must not be blank.")
            .MaximumLength(Customer.MaxNameLength);

    public static IRuleBuilderOptions<T, string?> CustomerEmail<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(MaxEmailLength).EmailAddress().WithMessage("'{PropertyValue}' is not an email address.");

    public static IRuleBuilderOptions<T, decimal?> TaxRatePercent<T>(this IRuleBuilder<T, decimal?> rule) =>
        rule.Must(rate => rate is null || TaxRate.IsValid(rate.Value))
            .WithMessage($"taxRate is a percentage from 0 to {TaxRate.Max} with at most {TaxRate.MaxDecimals} decimals (8.25 means 8.25 %).");

    /// <summary>Stripe customer ids look like <c>cus_NffrFeUfNV2Hib</c>.</summary>
    public static IRuleBuilderOptions<T, string?> StripeCustomerId<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Matches("^cus_[A-Za-z0-9]{1,250}$").WithMessage("'{PropertyValue}' is not a Stripe customer id (cus_…).");

    public static IRuleBuilderOptions<T, NotificationPreferencesInput?> NotificationChannels<T>(this IRuleBuilder<T, NotificationPreferencesInput?> rule) =>
        rule.SetValidator(new NotificationPreferencesInputValidator());
}

internal sealed class NotificationPreferencesInputValidator : AbstractValidator<NotificationPreferencesInput?>
{
    public NotificationPreferencesInputValidator()
    {
        RuleFor(preferences => preferences!.InvoiceIssued).WireNameOf<NotificationPreferencesInput?, NotificationChannel>();
        RuleFor(preferences => preferences!.PaymentFailed).WireNameOf<NotificationPreferencesInput?, NotificationChannel>();
        RuleFor(preferences => preferences!.PastDue).WireNameOf<NotificationPreferencesInput?, NotificationChannel>();
    }
}
