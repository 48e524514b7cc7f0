using Billing.BuildingBlocks.Domain;

namespace Billing.Invoicing.Domain.Settings;

/// <summary>
/// INV-3, INV-4: how long a new invoice stays a draft. The first invoice of a
/// <c>charge_automatically</c> subscription finalizes at once; otherwise, of the rules that match,
/// the longest grace wins (the most conservative), and the default applies when none match.
/// </summary>
internal sealed record GracePeriodPolicy(TimeSpan Default, IReadOnlyList<GraceRule> Rules)
{
    /// <summary>Stripe's ceiling, which we keep: 72 hours.</summary>
    public static readonly TimeSpan Maximum = TimeSpan.FromHours(72);

    public TimeSpan GraceFor(InvoiceTraits invoice)
    {
        if (invoice.FirstOfChargeAutomatically)
        {
            return TimeSpan.Zero;
        }

        var matching = Rules.Where(rule => rule.Matches(invoice)).Select(rule => rule.GracePeriod).ToList();
        return matching.Count == 0 ? Default : matching.Max();
    }

    /// <summary>The longest grace any invoice can get under this policy.</summary>
    public TimeSpan Longest => Rules.Select(rule => rule.GracePeriod).Append(Default).Max();

    /// <summary>
    /// INV-3: every grace period is at most 72 hours and shorter than the shortest billing interval in
    /// use, so a draft always finalizes before its next period's invoice is made.
    /// </summary>
    public void EnsureFits(TimeSpan? shortestIntervalInUse)
    {
        foreach (var (grace, name) in Rules.Select((rule, index) => (rule.GracePeriod, $"rule {index + 1}")).Prepend((Default, "the default")))
        {
            if (grace < TimeSpan.Zero || grace > Maximum)
            {
                throw new BusinessRuleViolation("grace_period_too_long", $"The grace period of {name} is {Describe(grace)}; it must be between 0 and 72 hours.");
            }

            if (shortestIntervalInUse is { } interval && grace >= interval)
            {
                throw new BusinessRuleViolation(
                    "grace_period_exceeds_interval",
                    $"The grace period of {name} is {Describe(grace)}, not shorter than the shortest billing interval in use ({Describe(interval)}).");
            }
        }
    }

    public static string Describe(TimeSpan span) => span.TotalHours == Math.Floor(span.TotalHours)
        ? $"{span.TotalHours:0} hours"
        : span.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
}
