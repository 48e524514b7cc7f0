using Billing.BuildingBlocks.Domain;
using Billing.BuildingBlocks.Infrastructure.Access;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Billing.BuildingBlocks.Infrastructure.Scheduling;

/// <summary>
/// Background work runs in one environment at a time (ENV-1), in a scope of its own whose caller is
/// the job (<c>system:&lt;job&gt;</c>), so every query is scoped and every audit entry names the job.
/// </summary>
public static class EnvironmentJobScope
{
    public static IReadOnlyList<BillingEnvironment> All { get; } = [BillingEnvironment.Live, BillingEnvironment.Test];

    public static async Task<T> SendAsync<T>(
        this IServiceScopeFactory scopes, BillingEnvironment environment, string job, IRequest<T> request, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CallerContext>().Set(environment, $"system:{job}");
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request, cancellationToken);
    }

    /// <summary>The earliest answer of a query asked in every environment (OPS-4: when a job has work next).</summary>
    public static async Task<DateTimeOffset?> EarliestAsync(
        this IServiceScopeFactory scopes, string job, IRequest<DateTimeOffset?> request, CancellationToken cancellationToken)
    {
        DateTimeOffset? earliest = null;
        foreach (var environment in All)
        {
            if (await scopes.SendAsync(environment, job, request, cancellationToken) is { } instant && (earliest is null || instant < earliest))
            {
                earliest = instant;
            }
        }

        return earliest;
    }
}
