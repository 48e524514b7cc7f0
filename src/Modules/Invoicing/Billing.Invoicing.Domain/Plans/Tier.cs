namespace Billing.Invoicing.Domain.Plans;

/// <summary>
/// One price tier: units up to and including <see cref="UpTo"/> (null: no upper bound) at
/// <see cref="UnitPrice"/>, plus <see cref="FlatFee"/> once when the tier is reached.
/// Unit prices may have more decimals than the currency (0.0004 USD).
/// </summary>
internal sealed record Tier(decimal? UpTo, decimal UnitPrice, decimal FlatFee = 0m);
