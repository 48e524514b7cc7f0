namespace Billing.Invoicing.Contracts;

/// <summary>A webhook endpoint. <c>secret</c> is returned once, when it is made; lists leave it out.</summary>
public sealed record WebhookEndpointDto(string Id, string Url, string? Secret, DateTimeOffset CreatedAt, DateTimeOffset? DisabledAt);

/// <summary>A recorded notification and where its webhook deliveries stand.</summary>
public sealed record NotificationDto(
    string Id, string Type, string Audience, string Channel, string InvoiceId, string CustomerId, DateTimeOffset CreatedAt, IReadOnlyList<WebhookDeliveryDto> Deliveries);

/// <summary><c>state</c>: pending, delivered or failed (gave up after the last retry).</summary>
public sealed record WebhookDeliveryDto(
    string Id, string EndpointId, string State, int Attempts, int? LastStatusCode, string? LastError, DateTimeOffset? NextAttemptAt, DateTimeOffset? DeliveredAt);
