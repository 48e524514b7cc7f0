using Billing.BuildingBlocks.Application.Messaging;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Billing.BuildingBlocks.Application.Behaviours;

/// <summary>
/// Innermost behaviour, commands only: wraps the handler in the unit of work of the module that
/// declares the command. Queries pass straight through.
/// </summary>
public sealed class UnitOfWorkBehaviour<TRequest, TResponse>(IServiceProvider services)
    : IPipelineBehavior<TRequest, TResponse>
{
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not ICommandBase)
        {
            return next();
        }

        var module = ModuleName.Of(typeof(TRequest))
            ?? throw new InvalidOperationException($"Command {typeof(TRequest).FullName} is not declared in a module assembly.");
        var unitOfWork = services.GetRequiredKeyedService<IUnitOfWork>(module);
        return unitOfWork.ExecuteAsync(() => next(), cancellationToken);
    }
}
