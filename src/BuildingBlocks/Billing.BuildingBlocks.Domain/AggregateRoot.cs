namespace Billing.BuildingBlocks.Domain;

/// <summary>
/// A consistency boundary. Changes to it are saved in one transaction, and what happened to it is
/// told through domain events, dispatched inside that same transaction (see UnitOfWork).
/// </summary>
public abstract class AggregateRoot
{
    private readonly List<IDomainEvent> _domainEvents = [];

    public IReadOnlyList<IDomainEvent> DomainEvents => _domainEvents;

    protected void Raise(IDomainEvent domainEvent) => _domainEvents.Add(domainEvent);

    public void ClearDomainEvents() => _domainEvents.Clear();
}
