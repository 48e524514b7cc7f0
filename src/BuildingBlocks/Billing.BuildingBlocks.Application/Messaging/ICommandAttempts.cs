namespace Billing.BuildingBlocks.Application.Messaging;

/// <summary>
/// Runs a command again after a <see cref="TransactionConflictException"/>, in a scope of its own:
/// every repository, cache and unit of work starts empty, as if the command had arrived now, and
/// only the caller is carried over. State a failed attempt left in its scope (an invoice added, a
/// customer read) can then never leak into the attempt that commits.
/// </summary>
public interface ICommandAttempts
{
    /// <summary>Whether this scope was made for a repeated attempt (which then does not repeat itself).</summary>
    bool IsRepeat { get; }

    Task<TResponse> RepeatAsync<TResponse>(object command, CancellationToken cancellationToken);
}
