namespace Billing.BuildingBlocks.Infrastructure.Time;

/// <summary>OPS-4, docs-adr/0047: the simulated clock of a deployment, one row that only moves forward.</summary>
internal sealed class ClockState
{
    public const string Table = "platform_clock";

    public const int TheClock = 1;

    public int Id { get; set; } = TheClock;

    public DateTimeOffset Now { get; set; }
}
