using Billing.BuildingBlocks.Infrastructure.Time;

namespace Billing.Host.Clock;

/// <summary>
/// OPS-4, docs-adr/0047: with the simulated clock, each request first catches this instance's clock
/// up with the deployment's, so a move made through any instance is the now of every request after it.
/// Mapped only when the clock is simulated (a test deployment); a real clock costs nothing here.
/// </summary>
internal sealed class DeploymentClock(RequestDelegate next, SharedClock clock)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await clock.RefreshAsync(context.RequestAborted);
        await next(context);
    }
}
