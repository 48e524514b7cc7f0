using Billing.Payments.Domain.Operations;

namespace Billing.Payments.Application.Operations;

internal interface IProviderOperationRepository
{
    /// <summary>Queues the operation unless the same (kind, subject, argument) is queued already; answers whether it queued.</summary>
    Task<bool> QueueAsync(ProviderOperationKind kind, string subjectId, string argument, DateTimeOffset now, CancellationToken cancellationToken);

    Task<ProviderOperation?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>Pending operations whose next attempt is due, oldest first.</summary>
    Task<IReadOnlyList<string>> DueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    Task<IReadOnlyList<ProviderOperation>> ForSubjectAsync(string subjectId, CancellationToken cancellationToken);
}
