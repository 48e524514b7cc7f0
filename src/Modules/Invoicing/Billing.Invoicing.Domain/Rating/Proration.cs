using Billing.BuildingBlocks.Domain.Time;

namespace Billing.Invoicing.Domain.Rating;

/// <summary>
/// PLN-5: the share of a cycle's period that a period cut short covers, by the second (as Stripe
/// prorates). Recurring fees and the minimum commitment are multiplied by it; the setup fee, free
/// units and tiers are not (usage is billed as it happened).
/// </summary>
internal sealed record Proration
{
    private Proration(long billedSeconds, long wholeSeconds)
    {
        BilledSeconds = billedSeconds;
        WholeSeconds = wholeSeconds;
    }

    public long BilledSeconds { get; }

    public long WholeSeconds { get; }

    /// <summary>None when the billed period is the whole cycle period.</summary>
    public static Proration? Of(Period billed, Period whole) =>
        billed.Start == whole.Start && billed.End == whole.End
            ? null
            : new Proration((long)billed.Length.TotalSeconds, (long)whole.Length.TotalSeconds);

    /// <summary>PLN-6: a part of a period whose fixed fees another part charges (a change that did not prorate).</summary>
    public static Proration NoFees(Period whole) => new(0, (long)whole.Length.TotalSeconds);

    public bool ChargesNothing => BilledSeconds == 0;

    /// <summary>The exact share of an amount; the caller rounds once, by the currency.</summary>
    public decimal Of(decimal amount) => amount * BilledSeconds / WholeSeconds;

    public override string ToString() => $"{BilledSeconds} s / {WholeSeconds} s";
}
