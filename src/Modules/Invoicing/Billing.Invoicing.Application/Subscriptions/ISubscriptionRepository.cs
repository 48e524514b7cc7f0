using Billing.Invoicing.Domain.Subscriptions;

namespace Billing.Invoicing.Application.Subscriptions;

/// <summary>Subscriptions of the caller's environment.</summary>
internal interface ISubscriptionRepository
{
    void Add(Subscription subscription);

    Task<bool> ExistsAsync(string customerId, string planId, CancellationToken cancellationToken);

    Task<Subscription?> ReadAsync(string id, CancellationToken cancellationToken);

    Task<IReadOnlyList<Subscription>> ListAsync(string? customerId, CancellationToken cancellationToken);
}
