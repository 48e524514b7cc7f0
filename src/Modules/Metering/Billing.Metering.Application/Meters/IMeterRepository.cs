using Billing.Metering.Domain.Meters;

namespace Billing.Metering.Application.Meters;

/// <summary>Meters of the caller's environment.</summary>
internal interface IMeterRepository
{
    Task<bool> ExistsAsync(string code, string eventName, CancellationToken cancellationToken);

    void Add(Meter meter);

    Task<IReadOnlyList<Meter>> ListAsync(CancellationToken cancellationToken);

    Task<Meter?> FindByCodeAsync(string code, CancellationToken cancellationToken);

    /// <summary>The meters of these event names, keyed by event name.</summary>
    Task<IReadOnlyDictionary<string, Meter>> FindByEventNamesAsync(IReadOnlyCollection<string> eventNames, CancellationToken cancellationToken);
}
