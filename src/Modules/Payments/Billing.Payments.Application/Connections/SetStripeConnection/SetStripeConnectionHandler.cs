using Billing.BuildingBlocks.Application.Access;
using Billing.BuildingBlocks.Application.Audit;
using Billing.Payments.Contracts;
using Billing.Payments.Domain.Connections;
using MediatR;

namespace Billing.Payments.Application.Connections.SetStripeConnection;

/// <summary>Stores the secrets encrypted; the history records that they changed, never what they are.</summary>
internal sealed class SetStripeConnectionHandler(
    IStripeConnectionRepository connections, ISecretProtector protector, IAuditTrail audit, ICallerContext caller, TimeProvider clock)
    : IRequestHandler<SetStripeConnectionCommand, StripeConnectionDto>
{
    public async Task<StripeConnectionDto> Handle(SetStripeConnectionCommand command, CancellationToken cancellationToken)
    {
        var connection = await connections.FindAsync(cancellationToken);
        if (connection is null)
        {
            connection = StripeConnection.For(caller.Environment);
            connections.Add(connection);
        }

        var before = connection.SecretKeyHint;
        connection.Set(caller.Environment, command.SecretKey!, protector.Protect, command.WebhookSecret!, clock.GetUtcNow());
        audit.Record(
            "stripe_connection",
            connection.Id,
            "updated",
            new Dictionary<string, AuditChange> { ["secretKey"] = new(before.Length == 0 ? null : before, connection.SecretKeyHint), ["webhookSecret"] = new(null, "(changed)") });
        return ConnectionMapping.FromApi(caller.Environment, connection);
    }
}
