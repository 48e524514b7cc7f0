using Billing.BuildingBlocks.Application.Paging;
using Billing.BuildingBlocks.Domain.Monetary;
using FluentValidation;

namespace Billing.BuildingBlocks.Application.Validation;

/// <summary>Validation rules shared by every module, so one field means one message everywhere.</summary>
public static class RuleExtensions
{
    public static IRuleBuilderOptions<T, string?> IsoCurrency<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(Currency.IsKnown).WithMessage("'{PropertyValue}' is not an ISO 4217 currency code (for example USD).");

    public static IRuleBuilderOptions<T, string?> WireNameOf<T, TEnum>(this IRuleBuilder<T, string?> rule)
        where TEnum : struct, Enum =>
        rule.Must(value => value is null || WireName.TryParse<TEnum>(value, out _))
            .WithMessage($"'{{PropertyValue}}' is not one of: {string.Join(", ", WireName.All<TEnum>())}.");

    public static IRuleBuilderOptions<T, int?> PageLimit<T>(this IRuleBuilder<T, int?> rule) =>
        rule.InclusiveBetween(1, Cursor.MaxLimit).WithMessage($"limit must be between 1 and {Cursor.MaxLimit}.");

}
