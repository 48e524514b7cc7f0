using Billing.BuildingBlocks.Application.Messaging;
using Billing.BuildingBlocks.Infrastructure.Access;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Billing.BuildingBlocks.Infrastructure.Persistence;

/// <summary>A repeated attempt of a command: a new scope with the same caller, sent through the whole pipeline again.</summary>
internal sealed class CommandAttempts(IServiceScopeFactory scopes, CallerContext caller) : ICommandAttempts
{
    public bool IsRepeat { get; private set; }

    public async Task<TResponse> RepeatAsync<TResponse>(object command, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (caller.IsSet)
        {
            scope.ServiceProvider.GetRequiredService<CallerContext>().Set(caller.Environment, caller.Actor);
        }

        ((CommandAttempts)scope.ServiceProvider.GetRequiredService<ICommandAttempts>()).IsRepeat = true;
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send((IRequest<TResponse>)command, cancellationToken);
    }
}
