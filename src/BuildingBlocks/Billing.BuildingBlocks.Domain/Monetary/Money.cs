namespace Billing.BuildingBlocks.Domain.Monetary;

/// <summary>
/// An amount in one currency. Always <see cref="decimal"/>: binary floating point cannot hold 0.10.
/// Arithmetic keeps full precision; <see cref="Rounded"/> applies the single rounding rule.
/// </summary>
public readonly record struct Money(decimal Amount, Currency Currency)
{
    public static Money Zero(Currency currency) => new(0m, currency);

    public Money Rounded() => this with { Amount = Currency.Round(Amount) };

    public static Money operator +(Money left, Money right) => new(left.Amount + right.Amount, SameCurrency(left, right));

    public static Money operator -(Money left, Money right) => new(left.Amount - right.Amount, SameCurrency(left, right));

    public static Money operator *(Money money, decimal factor) => money with { Amount = money.Amount * factor };

    public static Money Sum(Currency currency, IEnumerable<Money> amounts) =>
        amounts.Aggregate(Zero(currency), (total, amount) => total + amount);

    private static Currency SameCurrency(Money left, Money right) =>
        left.Currency == right.Currency
            ? left.Currency
            : throw new BusinessRuleViolation(
                "currency_mismatch",
                $"Cannot combine {left.Currency.Code} and {right.Currency.Code} amounts.");

    public override string ToString() => $"{Amount} {Currency.Code}";
}
