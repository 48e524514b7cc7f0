namespace Billing.Payments.Infrastructure.Stripe;

/// <summary>
/// Stripe's minimum charge amounts per settlement currency, as its documentation lists them
/// ("Minimum and maximum charge amounts"). An invoice below the minimum is not charged by Stripe:
/// it is marked paid at finalization and the amount is carried to the customer's next invoice.
/// A currency not listed takes USD's 0.50, the minimum Stripe applies before conversion.
/// </summary>
internal static class StripeMinimumCharge
{
    private static readonly Dictionary<string, decimal> Minimums = new(StringComparer.OrdinalIgnoreCase)
    {
        ["USD"] = 0.50m, ["AED"] = 2.00m, ["AUD"] = 0.50m, ["BGN"] = 1.00m, ["BRL"] = 0.50m, ["CAD"] = 0.50m,
        ["CHF"] = 0.50m, ["CZK"] = 15.00m, ["DKK"] = 2.50m, ["EUR"] = 0.50m, ["GBP"] = 0.30m, ["HKD"] = 4.00m,
        ["HUF"] = 175.00m, ["INR"] = 0.50m, ["JPY"] = 50m, ["MXN"] = 10m, ["MYR"] = 2m, ["NOK"] = 3.00m,
        ["NZD"] = 0.50m, ["PLN"] = 2.00m, ["RON"] = 2.00m, ["SEK"] = 3.00m, ["SGD"] = 0.50m, ["THB"] = 10m,
    };

    public static decimal For(string currency) => Minimums.GetValueOrDefault(currency, Minimums["USD"]);
}
