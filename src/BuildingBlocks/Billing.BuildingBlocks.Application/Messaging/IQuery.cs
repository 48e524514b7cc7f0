using MediatR;

namespace Billing.BuildingBlocks.Application.Messaging;

/// <summary>A request that reads: no unit of work, no tracking, no side effects.</summary>
public interface IQuery<out TResult> : IRequest<TResult>;
