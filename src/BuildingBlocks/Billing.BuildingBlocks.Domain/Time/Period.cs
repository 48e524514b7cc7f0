namespace Billing.BuildingBlocks.Domain.Time;

/// <summary>
/// A billing period <c>[Start, End)</c>: both bounds at 00:00:00 UTC (INV-1), start inclusive,
/// end exclusive, so consecutive periods neither overlap nor leave a gap.
/// </summary>
public sealed record Period
{
    private Period(DateTimeOffset start, DateTimeOffset end)
    {
        Start = start;
        End = end;
    }

    public DateTimeOffset Start { get; }

    public DateTimeOffset End { get; }

    public static Period Create(DateTimeOffset start, DateTimeOffset end)
    {
        RequireMidnightUtc(start, nameof(start));
        RequireMidnightUtc(end, nameof(end));
        if (end <= start)
        {
            throw new BusinessRuleViolation("invalid_period", $"A period must end after it starts ({start:O} .. {end:O}).");
        }

        return new Period(start, end);
    }

    /// <summary>Whether an instant, sent with any offset, falls in the period once taken to UTC.</summary>
    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;

    public TimeSpan Length => End - Start;

    public override string ToString() => $"[{Start:yyyy-MM-dd}, {End:yyyy-MM-dd})";

    private static void RequireMidnightUtc(DateTimeOffset instant, string name)
    {
        if (instant.Offset != TimeSpan.Zero || instant.TimeOfDay != TimeSpan.Zero)
        {
            throw new BusinessRuleViolation(
                "invalid_period",
                $"A period's {name} must be 00:00:00 UTC, not {instant:O}.");
        }
    }
}
