using Billing.BuildingBlocks.Application.Errors;
using Billing.Payments.Application.Connections;
using Billing.Payments.Application.Provider;
using Billing.Payments.Contracts;
using MediatR;

namespace Billing.Payments.Application.Webhooks.ReceiveProviderEvent;

/// <summary>PAY-6: verifies the signature with the environment's webhook secret (400 otherwise), then applies the event.</summary>
internal sealed class ReceiveProviderWebhookHandler(IProviderConnections connections, IPaymentProvider provider, IMediator mediator, WebhookRefusals refusals)
    : IRequestHandler<ReceiveProviderWebhookCommand, WebhookReceipt>
{
    public async Task<WebhookReceipt> Handle(ReceiveProviderWebhookCommand command, CancellationToken cancellationToken)
    {
        var credentials = await connections.CurrentAsync(cancellationToken);
        if (credentials is null || credentials.WebhookSecret.Length == 0)
        {
            throw Refused("webhook_secret_not_configured", "This environment has no Stripe webhook secret, so no webhook can be verified.");
        }

        ProviderEvent received;
        try
        {
            received = provider.ReadWebhook(command.Payload, command.Signature, credentials.WebhookSecret);
        }
        catch (InvalidWebhookException invalid)
        {
            throw Refused("invalid_signature", invalid.Message);
        }

        var outcome = await mediator.Send(new ApplyProviderEventCommand(received), cancellationToken);
        return new WebhookReceipt(true, received.Id, received.Type, outcome);
    }

    private RejectedRequestException Refused(string code, string reason)
    {
        refusals.Report(code, reason);
        return new RejectedRequestException(code, reason);
    }
}
