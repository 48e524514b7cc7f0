using Billing.BuildingBlocks.Domain;
using MediatR;

namespace Billing.BuildingBlocks.Application.Events;

/// <summary>
/// Carries a framework-free domain event through MediatR, so Domain stays free of MediatR while
/// Application handles its events like any other notification.
/// </summary>
public sealed record DomainEventNotification<TDomainEvent>(TDomainEvent DomainEvent) : INotification
    where TDomainEvent : IDomainEvent;

public static class DomainEventNotification
{
    public static INotification For(IDomainEvent domainEvent) =>
        (INotification)Activator.CreateInstance(
            typeof(DomainEventNotification<>).MakeGenericType(domainEvent.GetType()),
            domainEvent)!;
}

/// <summary>Handles a domain event inside the transaction of the command that raised it.</summary>
public interface IDomainEventHandler<TDomainEvent> : INotificationHandler<DomainEventNotification<TDomainEvent>>
    where TDomainEvent : IDomainEvent;
