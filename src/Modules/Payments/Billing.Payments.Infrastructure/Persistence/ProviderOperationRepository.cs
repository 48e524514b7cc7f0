using Billing.Payments.Application.Operations;
using Billing.Payments.Domain.Operations;
using Microsoft.EntityFrameworkCore;

namespace Billing.Payments.Infrastructure.Persistence;

internal sealed class ProviderOperationRepository(PaymentsDbContext context) : IProviderOperationRepository
{
    public async Task<bool> QueueAsync(ProviderOperationKind kind, string subjectId, string argument, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var queued = context.ProviderOperations.Local.Any(operation => operation.Kind == kind && operation.SubjectId == subjectId && operation.Argument == argument)
            || await context.ProviderOperations.AnyAsync(
                operation => operation.Kind == kind && operation.SubjectId == subjectId && operation.Argument == argument, cancellationToken);
        if (!queued)
        {
            context.ProviderOperations.Add(ProviderOperation.Queue(kind, subjectId, argument, now));
        }

        return !queued;
    }

    public Task<ProviderOperation?> FindAsync(string id, CancellationToken cancellationToken) =>
        context.ProviderOperations.SingleOrDefaultAsync(operation => operation.Id == id, cancellationToken);

    public async Task<IReadOnlyList<string>> DueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        await context.ProviderOperations
            .AsNoTracking()
            .Where(operation => operation.Status == ProviderOperationStatus.Pending && operation.NextAttemptAt <= now)
            .OrderBy(operation => operation.Sequence)
            .Select(operation => operation.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<ProviderOperation>> ForSubjectAsync(string subjectId, CancellationToken cancellationToken) =>
        await context.ProviderOperations
            .AsNoTracking()
            .Where(operation => operation.SubjectId == subjectId)
            .OrderBy(operation => operation.Sequence)
            .ToListAsync(cancellationToken);
}
