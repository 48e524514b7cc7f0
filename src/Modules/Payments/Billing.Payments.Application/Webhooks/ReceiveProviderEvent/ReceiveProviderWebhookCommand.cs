using Billing.BuildingBlocks.Application.Messaging;

namespace Billing.Payments.Application.Webhooks.ReceiveProviderEvent;

/// <summary>PAY-6: a webhook as received: the raw body (the signature covers its exact bytes) and the signature header.</summary>
internal sealed record ReceiveProviderWebhookCommand(string Payload, string? Signature) : ICommand<WebhookReceipt>;

/// <summary><c>outcome</c>: applied, duplicate (already handled) or ignored (not Billing's, or nothing to do).</summary>
internal sealed record WebhookReceipt(bool Received, string EventId, string Type, string Outcome);
