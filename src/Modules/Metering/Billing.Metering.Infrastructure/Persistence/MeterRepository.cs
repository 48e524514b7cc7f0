using Billing.BuildingBlocks.Application.Access;
using Billing.Metering.Application.Meters;
using Billing.Metering.Infrastructure.Caching;
using Billing.Metering.Domain.Meters;
using Microsoft.EntityFrameworkCore;

namespace Billing.Metering.Infrastructure.Persistence;

internal sealed class MeterRepository(MeteringDbContext context, KnownMeters known, ICallerContext caller) : IMeterRepository
{
    private IReadOnlyList<Meter>? _all;

    public Task<bool> ExistsAsync(string code, string eventName, CancellationToken cancellationToken) =>
        context.Meters.AnyAsync(meter => meter.Code == code || meter.EventName == eventName, cancellationToken);

    public void Add(Meter meter)
    {
        _all = null;
        context.Meters.Add(meter);
    }

    /// <summary>
    /// Read once per scope: an invoicing batch asks for every meter with each invoice's usage, and
    /// meters do not change under a running batch.
    /// </summary>
    public async Task<IReadOnlyList<Meter>> ListAsync(CancellationToken cancellationToken) =>
        _all ??= await context.Meters.AsNoTracking().OrderBy(meter => meter.CreatedAt).ThenBy(meter => meter.Id).ToListAsync(cancellationToken);

    public Task<Meter?> FindByCodeAsync(string code, CancellationToken cancellationToken) =>
        context.Meters.AsNoTracking().SingleOrDefaultAsync(meter => meter.Code == code, cancellationToken);

    /// <summary>Remembered meters first; only names not seen before reach the database.</summary>
    public async Task<IReadOnlyDictionary<string, Meter>> FindByEventNamesAsync(IReadOnlyCollection<string> eventNames, CancellationToken cancellationToken)
    {
        var environment = caller.Environment;
        var found = new Dictionary<string, Meter>(eventNames.Count);
        var unknown = new List<string>();
        foreach (var eventName in eventNames)
        {
            if (known.TryGet(environment, eventName, out var meter))
            {
                found[eventName] = meter;
            }
            else
            {
                unknown.Add(eventName);
            }
        }

        if (unknown.Count > 0)
        {
            foreach (var meter in await context.Meters.AsNoTracking().Where(meter => unknown.Contains(meter.EventName)).ToListAsync(cancellationToken))
            {
                known.Remember(environment, meter);
                found[meter.EventName] = meter;
            }
        }

        return found;
    }
}
