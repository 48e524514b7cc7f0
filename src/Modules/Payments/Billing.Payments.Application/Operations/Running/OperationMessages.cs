using Billing.BuildingBlocks.Application.Access;
using Billing.BuildingBlocks.Application.Messaging;
using Billing.Payments.Domain.Operations;
using MediatR;

namespace Billing.Payments.Application.Operations.Running;

/// <summary>Pending operations whose next attempt is due, oldest first.</summary>
internal sealed record FindDueOperationsQuery(int Limit) : IQuery<IReadOnlyList<string>>;

/// <summary>What to run for one operation; null once it is no longer pending.</summary>
internal sealed record GetOperationWorkQuery(string OperationId) : IQuery<OperationWork?>;

internal sealed record OperationWork(string Id, ProviderOperationKind Kind, string SubjectId, string Argument, string KeyPrefix)
{
    public string Key(string step) => $"{KeyPrefix}-{step}";
}

/// <summary>
/// Outcomes are recorded after the provider answered, never inside a transaction that waits on
/// the network. A crash in between runs the operation again with the same idempotency keys.
/// </summary>
internal sealed record CompleteOperationCommand(string OperationId) : ICommand<int>;

internal sealed record RetryOperationLaterCommand(string OperationId, string Error) : ICommand<int>;

internal sealed record FailOperationCommand(string OperationId, string Error) : ICommand<int>;

internal sealed class OperationHandlers(IProviderOperationRepository operations, ICallerContext caller, TimeProvider clock)
    : IRequestHandler<FindDueOperationsQuery, IReadOnlyList<string>>,
      IRequestHandler<GetOperationWorkQuery, OperationWork?>,
      IRequestHandler<CompleteOperationCommand, int>,
      IRequestHandler<RetryOperationLaterCommand, int>,
      IRequestHandler<FailOperationCommand, int>
{
    public Task<IReadOnlyList<string>> Handle(FindDueOperationsQuery query, CancellationToken cancellationToken) =>
        operations.DueAsync(clock.GetUtcNow(), query.Limit, cancellationToken);

    public async Task<OperationWork?> Handle(GetOperationWorkQuery query, CancellationToken cancellationToken) =>
        await operations.FindAsync(query.OperationId, cancellationToken) is { Status: ProviderOperationStatus.Pending } operation
            ? new OperationWork(operation.Id, operation.Kind, operation.SubjectId, operation.Argument, operation.IdempotencyKeyPrefix(caller.Environment))
            : null;

    public Task<int> Handle(CompleteOperationCommand command, CancellationToken cancellationToken) =>
        UpdateAsync(command.OperationId, operation => operation.Complete(clock.GetUtcNow()), cancellationToken);

    public Task<int> Handle(RetryOperationLaterCommand command, CancellationToken cancellationToken) =>
        UpdateAsync(command.OperationId, operation => operation.RetryLater(command.Error, clock.GetUtcNow()), cancellationToken);

    public Task<int> Handle(FailOperationCommand command, CancellationToken cancellationToken) =>
        UpdateAsync(command.OperationId, operation => operation.Fail(command.Error, clock.GetUtcNow()), cancellationToken);

    private async Task<int> UpdateAsync(string id, Action<ProviderOperation> change, CancellationToken cancellationToken)
    {
        var operation = await operations.FindAsync(id, cancellationToken);
        if (operation is null)
        {
            return 0;
        }

        change(operation);
        return 1;
    }
}
