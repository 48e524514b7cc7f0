using Billing.BuildingBlocks.Application.Messaging;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Billing.BuildingBlocks.Application.Behaviours;

/// <summary>
/// Innermost behaviour, commands only: wraps the handler in the unit of work of the module that
/// declares the command. A transaction the database refuses to serialize with another runs again,
/// each repeat in a fresh scope (<see cref="ICommandAttempts"/>), up to <see cref="MaxAttempts"/>
/// attempts in all (<see cref="BatchAttempts"/> for a batch its sender can split). Queries pass
/// straight through.
/// </summary>
public sealed class UnitOfWorkBehaviour<TRequest, TResponse>(IServiceProvider services, ICommandAttempts attempts)
    : IPipelineBehavior<TRequest, TResponse>
{
    public const int MaxAttempts = 30;

    /// <summary>Attempts for a batch of several items (<see cref="IBatchCommand"/>), which its sender then splits.</summary>
    public const int BatchAttempts = 3;

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not ICommandBase)
        {
            return await next();
        }

        var module = ModuleName.Of(typeof(TRequest))
            ?? throw new InvalidOperationException($"Command {typeof(TRequest).FullName} is not declared in a module assembly.");
        var unitOfWork = services.GetRequiredKeyedService<IUnitOfWork>(module);
        if (attempts.IsRepeat)
        {
            return await unitOfWork.ExecuteAsync(() => next(), cancellationToken);
        }

        var maxAttempts = request is IBatchCommand { Count: > 1 } ? BatchAttempts : MaxAttempts;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return attempt == 1
                    ? await unitOfWork.ExecuteAsync(() => next(), cancellationToken)
                    : await attempts.RepeatAsync<TResponse>(request!, cancellationToken);
            }
            catch (TransactionConflictException) when (attempt < maxAttempts)
            {
                // Spread the repeats out, so two commands that keep meeting stop meeting.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, Math.Min(100, 5 * attempt))), cancellationToken);
            }
        }
    }
}
