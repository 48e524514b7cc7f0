namespace Billing.BuildingBlocks.Infrastructure.Time;

/// <summary><c>Billing:Clock</c> (OPS-5).</summary>
public sealed class ClockOptions
{
    public const string Section = "Billing:Clock";

    /// <summary>Use the simulated clock (OPS-4). Never the default.</summary>
    public bool Simulated { get; set; }

    /// <summary>The simulated clock's first instant; the real now when absent.</summary>
    public DateTimeOffset? Start { get; set; }
}
