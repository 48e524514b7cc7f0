namespace Billing.BuildingBlocks.Infrastructure.Time;

/// <summary>
/// OPS-4: a clock that stands still until told to move, and only ever moves forward (periods,
/// due dates and the audit trail assume time does not run backwards). Only "now" is simulated;
/// timers and timestamps for measuring durations stay real, so plumbing keeps running.
/// </summary>
public sealed class SimulatedTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _lock = new();
    private DateTimeOffset _now = start.ToUniversalTime();

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    public DateTimeOffset Advance(TimeSpan by)
    {
        if (by <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(by), by, "The clock only moves forward.");
        }

        lock (_lock)
        {
            _now = _now.Add(by);
            return _now;
        }
    }

    /// <summary>Moves to <paramref name="instant"/> when it is later (another instance moved the deployment's clock); never back.</summary>
    public DateTimeOffset CatchUp(DateTimeOffset instant)
    {
        lock (_lock)
        {
            if (instant > _now)
            {
                _now = instant.ToUniversalTime();
            }

            return _now;
        }
    }

    public DateTimeOffset SetTo(DateTimeOffset instant)
    {
        lock (_lock)
        {
            if (instant < _now)
            {
                throw new ArgumentOutOfRangeException(nameof(instant), instant, $"The clock only moves forward; it is already {_now:O}.");
            }

            _now = instant.ToUniversalTime();
            return _now;
        }
    }
}
