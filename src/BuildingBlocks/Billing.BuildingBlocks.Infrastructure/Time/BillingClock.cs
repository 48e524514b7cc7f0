using Microsoft.Extensions.Configuration;

namespace Billing.BuildingBlocks.Infrastructure.Time;

/// <summary>
/// OPS-2: the one clock of the process. <see cref="Now"/> is what everything injects as
/// <see cref="TimeProvider"/>; <see cref="Simulated"/> is set only when
/// <c>Billing:Clock:Simulated</c> is true, for the routes that move it (OPS-4).
/// </summary>
public sealed class BillingClock
{
    private BillingClock(TimeProvider now, SimulatedTimeProvider? simulated)
    {
        Now = now;
        Simulated = simulated;
    }

    public TimeProvider Now { get; }

    public SimulatedTimeProvider? Simulated { get; }

    public static BillingClock From(IConfiguration configuration)
    {
        var options = configuration.GetSection(ClockOptions.Section).Get<ClockOptions>() ?? new ClockOptions();
        if (!options.Simulated)
        {
            return new BillingClock(TimeProvider.System, null);
        }

        var simulated = new SimulatedTimeProvider(options.Start ?? TimeProvider.System.GetUtcNow());
        return new BillingClock(simulated, simulated);
    }
}
