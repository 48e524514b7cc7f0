using Billing.BuildingBlocks.Domain;

namespace Billing.Invoicing.Domain.Notifications;

/// <summary>
/// One notification on its way to one endpoint: every attempt is recorded; failures are retried
/// with growing delays on the injected clock, then given up after the last.
/// </summary>
internal sealed class WebhookDelivery : AggregateRoot
{
    public const string IdPrefix = "whd";

    /// <summary>Delay before attempt 2, 3, …: about a day and a half in all.</summary>
    public static readonly TimeSpan[] Backoff =
    [
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(6), TimeSpan.FromHours(12), TimeSpan.FromHours(24),
    ];

    private WebhookDelivery()
    {
    }

    public string Id { get; private set; } = string.Empty;

    public string NotificationId { get; private set; } = string.Empty;

    public string EndpointId { get; private set; } = string.Empty;

    public int Attempts { get; private set; }

    public DateTimeOffset? NextAttemptAt { get; private set; }

    public DateTimeOffset? DeliveredAt { get; private set; }

    public int? LastStatusCode { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string State => DeliveredAt is not null ? "delivered" : NextAttemptAt is null ? "failed" : "pending";

    public static WebhookDelivery Queue(string notificationId, string endpointId, DateTimeOffset now) => new()
    {
        Id = OpaqueId.New(IdPrefix, now),
        NotificationId = notificationId,
        EndpointId = endpointId,
        NextAttemptAt = now,
        CreatedAt = now,
    };

    public void Record(int? statusCode, string? error, DateTimeOffset now)
    {
        if (DeliveredAt is not null)
        {
            return;
        }

        Attempts++;
        LastStatusCode = statusCode;
        LastError = error is { Length: > 500 } ? error[..500] : error;
        if (statusCode is >= 200 and < 300)
        {
            DeliveredAt = now;
            NextAttemptAt = null;
        }
        else
        {
            NextAttemptAt = Attempts <= Backoff.Length ? now + Backoff[Attempts - 1] : null;
        }
    }
}
