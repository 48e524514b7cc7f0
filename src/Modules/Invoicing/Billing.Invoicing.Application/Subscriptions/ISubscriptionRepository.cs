using Billing.BuildingBlocks.Application.Audit;
using Billing.Invoicing.Domain.Subscriptions;

namespace Billing.Invoicing.Application.Subscriptions;

/// <summary>Subscriptions of the caller's environment.</summary>
internal interface ISubscriptionRepository
{
    void Add(Subscription subscription);

    Task<Subscription?> ReadAsync(string id, CancellationToken cancellationToken);

    /// <summary>A tracked subscription, to change inside a command.</summary>
    Task<Subscription?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>Tracked subscriptions, in one query; unknown ids are absent.</summary>
    Task<IReadOnlyDictionary<string, Subscription>> FindManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    /// <summary>Detached subscriptions, in one query; unknown ids are absent.</summary>
    Task<IReadOnlyDictionary<string, Subscription>> ReadManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    /// <summary>INV-2: subscriptions whose unbilled period ended at or before the cutoff, oldest first.</summary>
    Task<IReadOnlyList<string>> DueAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken);

    /// <summary>OPS-4: the earliest end of a period still to invoice, after the instant, if any.</summary>
    Task<DateTimeOffset?> NextUnbilledPeriodEndAfterAsync(DateTimeOffset after, CancellationToken cancellationToken);

    Task<IReadOnlyList<Subscription>> FindByCustomerAsync(string customerId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Subscription>> ListAsync(string? customerId, CancellationToken cancellationToken);

    Task<IReadOnlyList<AuditEntryDto>> HistoryAsync(string subscriptionId, CancellationToken cancellationToken);
}
