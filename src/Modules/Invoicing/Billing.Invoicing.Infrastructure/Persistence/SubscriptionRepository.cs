using Billing.BuildingBlocks.Application.Audit;
using Billing.BuildingBlocks.Infrastructure.Audit;
using Billing.Invoicing.Application.Subscriptions;
using Billing.Invoicing.Domain.Subscriptions;
using Microsoft.EntityFrameworkCore;

namespace Billing.Invoicing.Infrastructure.Persistence;

internal sealed class SubscriptionRepository(InvoicingDbContext context) : ISubscriptionRepository
{
    public void Add(Subscription subscription) => context.Subscriptions.Add(subscription);

    public Task<Subscription?> ReadAsync(string id, CancellationToken cancellationToken) =>
        context.Subscriptions.AsNoTracking().SingleOrDefaultAsync(subscription => subscription.Id == id, cancellationToken);

    public Task<Subscription?> FindAsync(string id, CancellationToken cancellationToken) =>
        context.Subscriptions.SingleOrDefaultAsync(subscription => subscription.Id == id, cancellationToken);

    public async Task<IReadOnlyDictionary<string, Subscription>> FindManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        await context.Subscriptions.Where(subscription => EF.Parameter(ids).Contains(subscription.Id)).ToDictionaryAsync(subscription => subscription.Id, cancellationToken);

    public async Task<IReadOnlyDictionary<string, Subscription>> ReadManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        await context.Subscriptions.AsNoTracking().Where(subscription => EF.Parameter(ids).Contains(subscription.Id)).ToDictionaryAsync(subscription => subscription.Id, cancellationToken);

    public async Task<IReadOnlyList<string>> DueAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken) =>
        await context.Subscriptions
            .Where(subscription => subscription.UnbilledPeriodEnd <= cutoff
                && (subscription.EndsAt == null || subscription.UnbilledPeriodStart < subscription.EndsAt))
            .OrderBy(subscription => subscription.UnbilledPeriodEnd).ThenBy(subscription => subscription.Id)
            .Select(subscription => subscription.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);

    public async Task<DateTimeOffset?> NextUnbilledPeriodEndAfterAsync(DateTimeOffset after, CancellationToken cancellationToken) =>
        await context.Subscriptions
            .Where(subscription => subscription.UnbilledPeriodEnd > after
                && (subscription.EndsAt == null || subscription.UnbilledPeriodStart < subscription.EndsAt))
            .OrderBy(subscription => subscription.UnbilledPeriodEnd)
            .Select(subscription => (DateTimeOffset?)subscription.UnbilledPeriodEnd)
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<Subscription>> FindByCustomerAsync(string customerId, CancellationToken cancellationToken) =>
        await context.Subscriptions.Where(subscription => subscription.CustomerId == customerId).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Subscription>> ListAsync(string? customerId, CancellationToken cancellationToken) =>
        await context.Subscriptions.AsNoTracking()
            .Where(subscription => customerId == null || subscription.CustomerId == customerId)
            .OrderBy(subscription => subscription.CreatedAt).ThenBy(subscription => subscription.Id)
            .ToListAsync(cancellationToken);

    public Task<IReadOnlyList<AuditEntryDto>> HistoryAsync(string subscriptionId, CancellationToken cancellationToken) =>
        context.ReadAuditHistoryAsync(Application.Subscriptions.SubscriptionMapping.AuditEntityType, subscriptionId, cancellationToken);
}
