namespace Billing.BuildingBlocks.Domain;

/// <summary>Something that happened inside one module's domain. Never leaves the module.</summary>
public interface IDomainEvent
{
    DateTimeOffset OccurredAt { get; }
}
