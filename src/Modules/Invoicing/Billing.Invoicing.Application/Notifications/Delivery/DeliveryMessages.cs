using Billing.BuildingBlocks.Application.Messaging;
using MediatR;

namespace Billing.Invoicing.Application.Notifications.Delivery;

/// <summary>Deliveries whose next attempt is due.</summary>
internal sealed record FindDueDeliveriesQuery(int Limit) : IQuery<IReadOnlyList<string>>;

/// <summary>What to send for one delivery; null when it is no longer pending.</summary>
internal sealed record GetDeliveryWorkQuery(string DeliveryId) : IQuery<DeliveryWork?>;

/// <summary>
/// The outcome of one attempt, recorded after the HTTP call (never inside a transaction, which
/// would hold the database while a slow receiver answers). A crash in between sends it again: at
/// least once, and the notification id lets receivers drop the repeat.
/// </summary>
internal sealed record RecordDeliveryAttemptCommand(string DeliveryId, int? StatusCode, string? Error) : ICommand<int>;

internal sealed class DeliveryHandlers(INotificationRepository notifications, IWebhookSecretProtector secrets, TimeProvider clock)
    : IRequestHandler<FindDueDeliveriesQuery, IReadOnlyList<string>>,
      IRequestHandler<GetDeliveryWorkQuery, DeliveryWork?>,
      IRequestHandler<RecordDeliveryAttemptCommand, int>
{
    public Task<IReadOnlyList<string>> Handle(FindDueDeliveriesQuery query, CancellationToken cancellationToken) =>
        notifications.DueDeliveriesAsync(clock.GetUtcNow(), query.Limit, cancellationToken);

    public async Task<DeliveryWork?> Handle(GetDeliveryWorkQuery query, CancellationToken cancellationToken) =>
        await notifications.DeliveryWorkAsync(query.DeliveryId, cancellationToken) is { } work ? work with { Secret = secrets.Unprotect(work.Secret) } : null;

    public async Task<int> Handle(RecordDeliveryAttemptCommand command, CancellationToken cancellationToken)
    {
        var delivery = await notifications.FindDeliveryAsync(command.DeliveryId, cancellationToken);
        delivery?.Record(command.StatusCode, command.Error, clock.GetUtcNow());
        return delivery is null ? 0 : 1;
    }
}
