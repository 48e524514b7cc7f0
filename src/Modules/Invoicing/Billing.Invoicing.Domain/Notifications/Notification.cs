using Billing.BuildingBlocks.Domain;

namespace Billing.Invoicing.Domain.Notifications;

/// <summary>
/// INV-11: a notice recorded for admins (the admin feed) or for the customer, by the channel the
/// customer chose. Recorded once, in the transaction of the change it tells about.
/// </summary>
internal sealed class Notification : AggregateRoot
{
    public const string IdPrefix = "ntf";

    private Notification()
    {
    }

    public string Id { get; private set; } = string.Empty;

    /// <summary><c>invoice.issued</c>, <c>invoice.past_due</c>.</summary>
    public string Type { get; private set; } = string.Empty;

    /// <summary><c>admins</c> or <c>customer</c>.</summary>
    public string Audience { get; private set; } = string.Empty;

    /// <summary><c>admin_feed</c>, <c>email</c> (recorded for a mail sender) or <c>webhook</c>.</summary>
    public string Channel { get; private set; } = string.Empty;

    public string InvoiceId { get; private set; } = string.Empty;

    public string CustomerId { get; private set; } = string.Empty;

    /// <summary>The JSON body a webhook carries, fixed when the notice was recorded.</summary>
    public string Payload { get; private set; } = "{}";

    public DateTimeOffset CreatedAt { get; private set; }

    public static Notification Record(string id, string type, string audience, string channel, string invoiceId, string customerId, string payload, DateTimeOffset now) => new()
    {
        Id = id,
        Type = type,
        Audience = audience,
        Channel = channel,
        InvoiceId = invoiceId,
        CustomerId = customerId,
        Payload = payload,
        CreatedAt = now,
    };
}
