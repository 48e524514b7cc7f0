using MediatR;

namespace Billing.BuildingBlocks.Application.Events;

/// <summary>
/// A fact one module tells the others, declared in its Contracts. Written to the module's outbox in
/// the transaction that caused it and published after commit, at least once: handlers must be
/// idempotent (use <see cref="Id"/>).
/// </summary>
public abstract record IntegrationEvent(Guid Id, DateTimeOffset OccurredAt) : INotification;
