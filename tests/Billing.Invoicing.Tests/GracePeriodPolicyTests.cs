using Billing.BuildingBlocks.Domain;
using Billing.Invoicing.Domain.Settings;

namespace Billing.Invoicing.Tests;

/// <summary>INV-3, INV-4: a table of invoices × rules → the grace that applies, and the bounds a setting must keep.</summary>
public sealed class GracePeriodPolicyTests
{
    private static readonly TimeSpan Default = TimeSpan.FromHours(1);

    // Rules, in order: scheduled invoices get 24h; metered ones 48h; scheduled and metered 12h.
    private static readonly GracePeriodPolicy Policy = new(Default,
    [
        new GraceRule(FromSubscriptionCycle: true, HasMeteredCharge: null, TimeSpan.FromHours(24)),
        new GraceRule(FromSubscriptionCycle: null, HasMeteredCharge: true, TimeSpan.FromHours(48)),
        new GraceRule(FromSubscriptionCycle: true, HasMeteredCharge: true, TimeSpan.FromHours(12)),
    ]);

    [Theory]
    [InlineData(false, false, false, 1, "no rule matches a manual flat invoice: the default")]
    [InlineData(true, false, false, 24, "only the subscription-cycle rule matches")]
    [InlineData(false, true, false, 48, "only the metered rule matches")]
    [InlineData(true, true, false, 48, "all three match: the longest (most conservative) wins, not the first or the most specific")]
    [InlineData(true, true, true, 0, "the first invoice of a charge_automatically subscription finalizes at once, whatever the rules")]
    [InlineData(false, false, true, 0, "…even with no rule matching")]
    public void The_grace_of_an_invoice_is_the_longest_matching_rule_or_the_default(bool fromCycle, bool metered, bool firstAutomatic, int hours, string why)
    {
        Policy.GraceFor(new InvoiceTraits(fromCycle, metered, firstAutomatic)).ShouldBe(TimeSpan.FromHours(hours), why);
    }

    [Fact]
    public void With_no_rules_the_default_applies_to_everything()
    {
        new GracePeriodPolicy(TimeSpan.FromHours(5), []).GraceFor(new InvoiceTraits(true, true, false)).ShouldBe(TimeSpan.FromHours(5));
    }

    [Fact]
    public void A_grace_over_72_hours_is_refused_wherever_it_is()
    {
        Should.Throw<BusinessRuleViolation>(() => new GracePeriodPolicy(TimeSpan.FromHours(73), []).EnsureFits(null)).Code.ShouldBe("grace_period_too_long");
        Should.Throw<BusinessRuleViolation>(() => new GracePeriodPolicy(Default, [new GraceRule(true, null, TimeSpan.FromHours(73))]).EnsureFits(null))
            .Message.ShouldContain("rule 1");
        Should.NotThrow(() => new GracePeriodPolicy(TimeSpan.FromHours(72), []).EnsureFits(TimeSpan.FromDays(7)));
    }

    [Fact]
    public void A_grace_must_be_shorter_than_the_shortest_interval_in_use()
    {
        Should.Throw<BusinessRuleViolation>(() => new GracePeriodPolicy(TimeSpan.FromHours(24), []).EnsureFits(TimeSpan.FromDays(1)))
            .Code.ShouldBe("grace_period_exceeds_interval");
        Should.NotThrow(() => new GracePeriodPolicy(TimeSpan.FromHours(23), []).EnsureFits(TimeSpan.FromDays(1)));
    }
}
