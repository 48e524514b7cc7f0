using System.Collections.Concurrent;
using System.Linq.Expressions;
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
    // One wrapper factory per event type: a cycle's batch raises thousands of events, and making
    // the generic type and invoking its constructor by reflection each time showed in P5's profile.
    private static readonly ConcurrentDictionary<Type, Func<IDomainEvent, INotification>> Factories = new();

    public static INotification For(IDomainEvent domainEvent) =>
        Factories.GetOrAdd(domainEvent.GetType(), FactoryFor)(domainEvent);

    private static Func<IDomainEvent, INotification> FactoryFor(Type eventType)
    {
        var domainEvent = Expression.Parameter(typeof(IDomainEvent), "domainEvent");
        var constructor = typeof(DomainEventNotification<>).MakeGenericType(eventType).GetConstructor([eventType])!;
        return Expression.Lambda<Func<IDomainEvent, INotification>>(
            Expression.New(constructor, Expression.Convert(domainEvent, eventType)), domainEvent).Compile();
    }
}

/// <summary>Handles a domain event inside the transaction of the command that raised it.</summary>
public interface IDomainEventHandler<TDomainEvent> : INotificationHandler<DomainEventNotification<TDomainEvent>>
    where TDomainEvent : IDomainEvent;
