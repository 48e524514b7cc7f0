namespace Billing.BuildingBlocks.Application.Messaging;

/// <summary>
/// One transaction over one module's database context: the work, the domain events it raised,
/// and the integration events and audit records they produced are committed together or not at all.
/// Registered once per module, keyed by the module's name.
/// </summary>
public interface IUnitOfWork
{
    Task<TResult> ExecuteAsync<TResult>(Func<Task<TResult>> work, CancellationToken cancellationToken);
}
