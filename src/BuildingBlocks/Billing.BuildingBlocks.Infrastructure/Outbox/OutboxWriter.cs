using Billing.BuildingBlocks.Application.Events;
using Billing.BuildingBlocks.Infrastructure.Persistence;

namespace Billing.BuildingBlocks.Infrastructure.Outbox;

/// <summary>Writes integration events into the outbox of the unit of work now running.</summary>
internal sealed class OutboxWriter(ActiveUnitsOfWork active) : IIntegrationEventOutbox
{
    public void Enqueue(IntegrationEvent integrationEvent) =>
        active.Current("queue an integration event").AddOutboxMessage(OutboxMessage.From(integrationEvent));
}
