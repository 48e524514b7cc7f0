namespace Billing.BuildingBlocks.Domain.Time;

/// <summary>
/// A billing period <c>[Start, End)</c>: both bounds at 00:00:00 UTC (INV-1), start inclusive,
/// end exclusive, so consecutive periods neither overlap nor leave a gap. A period cut short by a
/// cancellation (PLN-5) ends at a whole second of the day instead (<see cref="Cut"/>).
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

    /// <summary>
    /// A period whose bounds need not be midnights: a cycle's period cut at an instant (PLN-5), or
    /// one read back from storage that may be. Bounds are UTC and whole seconds, so a proration by
    /// time is a ratio of whole seconds.
    /// </summary>
    public static Period Cut(DateTimeOffset start, DateTimeOffset end)
    {
        RequireWholeSecondUtc(start, nameof(start));
        RequireWholeSecondUtc(end, nameof(end));
        if (end <= start)
        {
            throw new BusinessRuleViolation("invalid_period", $"A period must end after it starts ({start:O} .. {end:O}).");
        }

        return new Period(start, end);
    }

    /// <summary>Whether an instant, sent with any offset, falls in the period once taken to UTC.</summary>
    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;

    public TimeSpan Length => End - Start;

    public override string ToString() => $"[{Text(Start)}, {Text(End)})";

    /// <summary>A day when the bound is a midnight, as cycle bounds are; the second it falls on otherwise.</summary>
    public static string Text(DateTimeOffset bound) =>
        bound.TimeOfDay == TimeSpan.Zero ? bound.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            : bound.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static void RequireWholeSecondUtc(DateTimeOffset instant, string name)
    {
        if (instant.Offset != TimeSpan.Zero || instant.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new BusinessRuleViolation("invalid_period", $"A period's {name} must be a whole second in UTC, not {instant:O}.");
        }
    }

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
