using System.Collections.Concurrent;
using Billing.BuildingBlocks.Domain;
using Billing.Metering.Domain.Meters;

namespace Billing.Metering.Infrastructure.Caching;

/// <summary>
/// Meters already seen, per environment and event name. Meters never change or disappear, so a
/// remembered meter is always right; an event name not remembered is looked up in the database.
/// </summary>
internal sealed class KnownMeters
{
    private readonly ConcurrentDictionary<(BillingEnvironment, string), Meter> _known = new();

    public bool TryGet(BillingEnvironment environment, string eventName, out Meter meter) =>
        _known.TryGetValue((environment, eventName), out meter!);

    public void Remember(BillingEnvironment environment, Meter meter) => _known[(environment, meter.EventName)] = meter;
}
