using System.Collections.Concurrent;
using System.Diagnostics;
using Billing.BuildingBlocks.Application.Access;
using Billing.BuildingBlocks.Domain;
using Billing.Metering.Application.Usage;
using Billing.Metering.Contracts;
using MediatR;

namespace Billing.Metering.Infrastructure;

/// <summary>
/// The late-usage window is an invoicing setting (it decides which periods can still change,
/// INV-5); Metering asks for it through its own Contracts (Invoicing answers) and keeps the answer for a second
/// per environment, so the ingestion hot path does not pay a query per request.
/// </summary>
internal sealed class MeteringSettings(IMediator mediator, ICallerContext caller, LateUsageWindowCache cache) : IMeteringSettings
{
    public async ValueTask<TimeSpan> LateUsageWindowAsync(CancellationToken cancellationToken)
    {
        var environment = caller.Environment;
        if (cache.TryGet(environment, out var window))
        {
            return window;
        }

        window = await mediator.Send(new GetLateUsageWindowQuery(), cancellationToken);
        cache.Set(environment, window);
        return window;
    }
}

/// <summary>One second of memory per environment: a changed setting applies within a second.</summary>
internal sealed class LateUsageWindowCache
{
    private static readonly long Lifetime = Stopwatch.Frequency;
    private readonly ConcurrentDictionary<BillingEnvironment, (TimeSpan Window, long Until)> _windows = new();

    public bool TryGet(BillingEnvironment environment, out TimeSpan window)
    {
        window = default;
        if (_windows.TryGetValue(environment, out var entry) && entry.Until > Stopwatch.GetTimestamp())
        {
            window = entry.Window;
            return true;
        }

        return false;
    }

    public void Set(BillingEnvironment environment, TimeSpan window) => _windows[environment] = (window, Stopwatch.GetTimestamp() + Lifetime);
}
