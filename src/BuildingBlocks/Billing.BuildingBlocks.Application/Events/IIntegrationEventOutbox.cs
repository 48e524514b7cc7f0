namespace Billing.BuildingBlocks.Application.Events;

/// <summary>Queues an integration event in the outbox of the command being handled.</summary>
public interface IIntegrationEventOutbox
{
    void Enqueue(IntegrationEvent integrationEvent);
}
