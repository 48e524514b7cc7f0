namespace Billing.Payments.Contracts;

/// <summary>PAY-6: the answer to a provider's webhook. <c>outcome</c>: applied, duplicate (already handled) or ignored (not Billing's, or nothing to do).</summary>
public sealed record WebhookReceipt(bool Received, string EventId, string Type, string Outcome);
