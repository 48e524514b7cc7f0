using Billing.Payments.Contracts;
using MediatR;

namespace Billing.Payments.Application.Webhooks.ReceiveProviderEvent;

/// <summary>
/// PAY-6: a webhook as received: the raw body (the signature covers its exact bytes) and the
/// signature header. Not a command: it is verified before any transaction is opened, so a flood of
/// forged webhooks never takes the database's write lock; a verified event is then applied by
/// <see cref="ApplyProviderEventCommand"/>.
/// </summary>
internal sealed record ReceiveProviderWebhookCommand(string Payload, string? Signature) : IRequest<WebhookReceipt>;
