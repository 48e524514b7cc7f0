using System.Globalization;
using Billing.BuildingBlocks.Domain.Monetary;
using Billing.BuildingBlocks.Domain.Time;
using Billing.Invoicing.Domain.Plans;

namespace Billing.Invoicing.Domain.Rating;

/// <summary>
/// INV-6: turns a plan version, a period's usage and the customer's tax rate into invoice lines.
/// Pure: the same input always gives the same lines. Every line is rounded once, by the currency
/// (<see cref="Currency.Round"/>); subtotal, tax and total are sums of those rounded lines.
/// </summary>
internal static class Rater
{
    /// <param name="usage">Quantity per meter code for the period (a missing meter used nothing).</param>
    /// <param name="firstPeriod">The subscription's first invoice: the setup fee is due.</param>
    /// <param name="taxRatePercent">The customer's rate, in percent, over the taxable subtotal.</param>
    /// <param name="billedBefore">Quantity per meter of this period that other invoices already billed (INV-5, INV-10).</param>
    /// <param name="proration">The share of the cycle's period billed, when the period was cut short (PLN-5).</param>
    public static RatedInvoice Rate(
        PlanTerms terms, Period period, bool firstPeriod, IReadOnlyDictionary<string, decimal> usage, decimal taxRatePercent,
        IReadOnlyDictionary<string, decimal>? billedBefore = null, Proration? proration = null)
    {
        var currency = terms.Currency;
        var lines = new List<RatedLine>();
        if (terms.Fees.RecurringFee > 0m && proration is not { ChargesNothing: true })
        {
            lines.Add(proration is null
                ? Fixed("recurring_fee", $"Subscription fee {period}", terms.Fees.RecurringFee, currency)
                : Prorated("recurring_fee", $"Subscription fee {period}, prorated", terms.Fees.RecurringFee, proration, currency));
        }

        if (firstPeriod && terms.Fees.SetupFee > 0m)
        {
            lines.Add(Fixed("setup_fee", "Setup fee (first invoice only)", terms.Fees.SetupFee, currency));
        }

        var usageLines = terms.Charges.Select(charge => billedBefore?.GetValueOrDefault(charge.MeterCode) is { } billed and not 0m
                ? RateUsageSince(charge, usage.GetValueOrDefault(charge.MeterCode), billed, currency, LineKind.Usage, $"Usage: {charge.MeterCode} (not billed before)")
                : RateUsage(charge, usage.GetValueOrDefault(charge.MeterCode), currency))
            .ToList();
        lines.AddRange(usageLines);

        var usageTotal = usageLines.Sum(line => line.Amount);
        var minimum = proration is null ? terms.Fees.MinimumCommitment : proration.Of(terms.Fees.MinimumCommitment);
        if (minimum > usageTotal)
        {
            var topUp = currency.Round(minimum - usageTotal);
            var prorated = proration is null ? string.Empty : $" ({Text(terms.Fees.MinimumCommitment)} × {proration})";
            lines.Add(new RatedLine(LineKind.MinimumCommitment, "minimum_commitment", "Minimum commitment top-up", 1m, topUp,
                [$"minimum {Text(minimum)}{prorated} − usage charges {Text(usageTotal)} = {Text(topUp)} {currency}"]));
        }

        if (Tax(lines, taxRatePercent, currency) is { } taxLine)
        {
            lines.Add(taxLine);
        }

        return new RatedInvoice(currency, period, lines);
    }

    /// <summary>The tax line over the taxable subtotal (every line given), or none at a zero rate.</summary>
    public static RatedLine? Tax(IEnumerable<RatedLine> taxableLines, decimal taxRatePercent, Currency currency)
    {
        if (taxRatePercent == 0m)
        {
            return null;
        }

        var taxable = taxableLines.Sum(line => line.Amount);
        var tax = currency.Round(taxable * taxRatePercent / 100m);
        return new RatedLine(LineKind.Tax, "tax", $"Tax {Text(taxRatePercent)} %", taxable, tax,
            [$"{Text(taxable)} × {Text(taxRatePercent)} % = {Text(taxable * taxRatePercent / 100m)} → {Text(tax)} {currency}"]);
    }

    /// <summary>One meter's line: free units off, then the charge model.</summary>
    public static RatedLine RateUsage(UsageCharge charge, decimal quantity, Currency currency)
    {
        var billable = Math.Max(0m, quantity - charge.FreeUnits);
        var steps = new List<string>();
        if (charge.FreeUnits > 0m)
        {
            steps.Add($"{Text(quantity)} units − {Text(charge.FreeUnits)} free = {Text(billable)} billable");
        }

        var exact = charge.Model switch
        {
            ChargeModel.PerUnit => PerUnit(charge.Tiers[0], billable, steps),
            ChargeModel.Graduated => Graduated(charge.Tiers, billable, steps),
            ChargeModel.Volume => Volume(charge.Tiers, billable, steps),
            ChargeModel.Package => Package(charge.Tiers[0], charge.PackageSize, billable, steps),
            _ => throw new ArgumentOutOfRangeException(nameof(charge), charge.Model, null),
        };
        var amount = currency.Round(exact);
        steps.Add($"{Text(exact)} → {Text(amount)} {currency}");
        return new RatedLine(LineKind.Usage, charge.MeterCode, $"Usage: {charge.MeterCode}", quantity, amount, steps);
    }

    /// <summary>
    /// The part of a period's usage charge not billed yet: the charge for the whole quantity now,
    /// less the charge for what earlier invoices billed. Tiers therefore apply to the period's total,
    /// as they would have on one invoice (INV-5).
    /// </summary>
    public static RatedLine RateUsageSince(UsageCharge charge, decimal quantity, decimal billedBefore, Currency currency, LineKind kind, string description)
    {
        var now = RateUsage(charge, quantity, currency);
        var before = RateUsage(charge, billedBefore, currency);
        var amount = now.Amount - before.Amount;
        var steps = new List<string> { $"period total {Text(quantity)} units:" };
        steps.AddRange(now.Computation.Select(step => "  " + step));
        steps.Add($"already billed {Text(billedBefore)} units = {Text(before.Amount)} {currency}");
        steps.Add($"{Text(now.Amount)} − {Text(before.Amount)} = {Text(amount)} {currency} for {Text(quantity - billedBefore)} units");
        return new RatedLine(kind, charge.MeterCode, description, quantity - billedBefore, amount, steps);
    }

    private static decimal PerUnit(Tier price, decimal billable, List<string> steps)
    {
        steps.Add($"{Text(billable)} × {Text(price.UnitPrice)}");
        return billable * price.UnitPrice;
    }

    private static decimal Graduated(IReadOnlyList<Tier> tiers, decimal billable, List<string> steps)
    {
        var total = 0m;
        var below = 0m;
        foreach (var tier in tiers)
        {
            var units = Math.Min(billable, tier.UpTo ?? decimal.MaxValue) - below;
            if (units <= 0m)
            {
                break;
            }

            var amount = units * tier.UnitPrice + tier.FlatFee;
            steps.Add($"tier {Range(below, tier.UpTo)}: {Text(units)} × {Text(tier.UnitPrice)}{Flat(tier)} = {Text(amount)}");
            total += amount;
            below = tier.UpTo ?? below;
        }

        return total;
    }

    private static decimal Volume(IReadOnlyList<Tier> tiers, decimal billable, List<string> steps)
    {
        if (billable == 0m)
        {
            steps.Add("no billable units");
            return 0m;
        }

        var below = 0m;
        foreach (var tier in tiers)
        {
            if (tier.UpTo is null || billable <= tier.UpTo)
            {
                var amount = billable * tier.UnitPrice + tier.FlatFee;
                steps.Add($"all {Text(billable)} units in tier {Range(below, tier.UpTo)}: {Text(billable)} × {Text(tier.UnitPrice)}{Flat(tier)} = {Text(amount)}");
                return amount;
            }

            below = tier.UpTo.Value;
        }

        throw new InvalidOperationException("The last tier has no upper bound.");
    }

    private static decimal Package(Tier price, decimal size, decimal billable, List<string> steps)
    {
        var packages = Math.Ceiling(billable / size);
        steps.Add($"{Text(billable)} units / {Text(size)} per package = {Text(packages)} started packages × {Text(price.UnitPrice)}");
        return packages * price.UnitPrice;
    }

    private static RatedLine Fixed(string code, string description, decimal fee, Currency currency)
    {
        var amount = currency.Round(fee);
        return new RatedLine(LineKind.FixedFee, code, description, 1m, amount, [$"1 × {Text(fee)} = {Text(amount)} {currency}"]);
    }

    private static RatedLine Prorated(string code, string description, decimal fee, Proration proration, Currency currency)
    {
        var exact = proration.Of(fee);
        var amount = currency.Round(exact);
        return new RatedLine(LineKind.FixedFee, code, description, 1m, amount, [$"{Text(fee)} × {proration} = {Text(exact)} → {Text(amount)} {currency}"]);
    }

    private static string Range(decimal below, decimal? upTo) => upTo is null ? $"above {Text(below)}" : $"{Text(below)}–{Text(upTo.Value)}";

    private static string Flat(Tier tier) => tier.FlatFee == 0m ? string.Empty : $" + {Text(tier.FlatFee)} flat";

    internal static string Text(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);
}
