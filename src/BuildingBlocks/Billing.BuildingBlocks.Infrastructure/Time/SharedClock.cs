using Billing.BuildingBlocks.Infrastructure.Persistence.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Billing.BuildingBlocks.Infrastructure.Time;

/// <summary>
/// OPS-4, docs-adr/0047: the simulated clock is one clock per deployment. Its now is a row in the
/// database every instance shares: an instance reads it before each request and each run of the
/// jobs, and a move writes every instant it stops at before the jobs run there. The row only moves
/// forward. Without the simulated clock nothing here touches the database.
/// </summary>
public sealed class SharedClock(BillingClock clock, IServiceScopeFactory scopes)
{
    // Compiled once: the read runs before every request of a test deployment.
    private static readonly Func<PlatformDbContext, CancellationToken, Task<DateTimeOffset?>> StoredNow =
        EF.CompileAsyncQuery((PlatformDbContext context, CancellationToken _) =>
            context.Clock.AsNoTracking().Select(row => (DateTimeOffset?)row.Now).SingleOrDefault());

    public bool IsSimulated => clock.Simulated is not null;

    /// <summary>At start: the deployment's clock is created from this instance's start when there is none, then read.</summary>
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (clock.Simulated is not { } simulated)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        if (!await context.Clock.AnyAsync(cancellationToken))
        {
            context.Clock.Add(new ClockState { Now = simulated.GetUtcNow() });
            try
            {
                await context.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another instance starting at the same moment created it; its start stands.
            }
        }

        await RefreshAsync(cancellationToken);
    }

    /// <summary>Catches this instance's clock up with the deployment's.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        if (clock.Simulated is not { } simulated)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var stored = await StoredNow(scope.ServiceProvider.GetRequiredService<PlatformDbContext>(), cancellationToken);
        if (stored is { } now)
        {
            simulated.CatchUp(now);
        }
    }

    /// <summary>Moves the deployment's clock to this instance's now, unless it is already later.</summary>
    public async Task PublishAsync(CancellationToken cancellationToken)
    {
        if (clock.Simulated is not { } simulated)
        {
            return;
        }

        var now = simulated.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Clock
            .Where(row => row.Id == ClockState.TheClock && row.Now < now)
            .ExecuteUpdateAsync(row => row.SetProperty(state => state.Now, now), cancellationToken);
    }
}
