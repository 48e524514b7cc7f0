using Billing.BuildingBlocks.Domain;

namespace Billing.Payments.Domain.ProviderEvents;

/// <summary>
/// PAY-6: a provider event already handled, by the provider's event id (unique per environment). A
/// redelivery finds it and changes nothing twice.
/// </summary>
internal sealed class ProviderEventReceipt
{
    public const string IdPrefix = "evr";

    private ProviderEventReceipt()
    {
    }

    public string Id { get; private set; } = string.Empty;

    public string EventId { get; private set; } = string.Empty;

    public string Type { get; private set; } = string.Empty;

    public DateTimeOffset ReceivedAt { get; private set; }

    public static ProviderEventReceipt Of(string eventId, string type, DateTimeOffset now) =>
        new() { Id = OpaqueId.New(IdPrefix, now), EventId = eventId, Type = type, ReceivedAt = now };
}
