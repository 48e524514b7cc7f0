namespace Billing.Payments.Domain.ProviderEvents;

/// <summary>
/// PAY-6: a provider event already handled, by its id (unique per environment). A redelivery finds
/// it and changes nothing twice.
/// </summary>
internal sealed class ProviderEventReceipt
{
    private ProviderEventReceipt()
    {
    }

    public string Id { get; private set; } = string.Empty;

    public string Type { get; private set; } = string.Empty;

    public DateTimeOffset ReceivedAt { get; private set; }

    public static ProviderEventReceipt Of(string id, string type, DateTimeOffset now) => new() { Id = id, Type = type, ReceivedAt = now };
}
