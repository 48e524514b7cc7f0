using Billing.Metering.Application.Meters;
using Billing.Metering.Domain.Meters;
using Microsoft.EntityFrameworkCore;

namespace Billing.Metering.Infrastructure.Persistence;

internal sealed class MeterRepository(MeteringDbContext context) : IMeterRepository
{
    public Task<bool> ExistsAsync(string code, string eventName, CancellationToken cancellationToken) =>
        context.Meters.AnyAsync(meter => meter.Code == code || meter.EventName == eventName, cancellationToken);

    public void Add(Meter meter) => context.Meters.Add(meter);

    public async Task<IReadOnlyList<Meter>> ListAsync(CancellationToken cancellationToken) =>
        await context.Meters.AsNoTracking().OrderBy(meter => meter.CreatedAt).ThenBy(meter => meter.Id).ToListAsync(cancellationToken);

    public Task<Meter?> FindByCodeAsync(string code, CancellationToken cancellationToken) =>
        context.Meters.AsNoTracking().SingleOrDefaultAsync(meter => meter.Code == code, cancellationToken);

    public async Task<IReadOnlyDictionary<string, Meter>> FindByEventNamesAsync(IReadOnlyCollection<string> eventNames, CancellationToken cancellationToken) =>
        eventNames.Count == 0
            ? new Dictionary<string, Meter>()
            : await context.Meters.AsNoTracking().Where(meter => eventNames.Contains(meter.EventName)).ToDictionaryAsync(meter => meter.EventName, cancellationToken);
}
