using MediatR;

namespace Billing.BuildingBlocks.Application.Messaging;

/// <summary>Marks a request that changes state: it runs inside its module's unit of work.</summary>
public interface ICommandBase;

/// <summary>A request that changes state and answers with <typeparamref name="TResult"/>.</summary>
public interface ICommand<out TResult> : IRequest<TResult>, ICommandBase;
