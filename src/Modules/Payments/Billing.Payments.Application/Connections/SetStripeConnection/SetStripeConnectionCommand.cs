using Billing.BuildingBlocks.Application.Messaging;
using Billing.Payments.Contracts;

namespace Billing.Payments.Application.Connections.SetStripeConnection;

/// <summary>PAY-1: the caller environment's Stripe secret key and webhook signing secret.</summary>
internal sealed record SetStripeConnectionCommand(string? SecretKey, string? WebhookSecret) : ICommand<StripeConnectionDto>;
