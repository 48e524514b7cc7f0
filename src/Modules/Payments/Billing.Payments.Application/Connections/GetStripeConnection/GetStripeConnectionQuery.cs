using Billing.BuildingBlocks.Application.Access;
using Billing.BuildingBlocks.Application.Messaging;
using Billing.Payments.Contracts;
using MediatR;

namespace Billing.Payments.Application.Connections.GetStripeConnection;

/// <summary>PAY-1: whether and how the caller's environment is connected to Stripe; never the secrets.</summary>
internal sealed record GetStripeConnectionQuery : IQuery<StripeConnectionDto>;

internal sealed class GetStripeConnectionHandler(IStripeConnectionRepository connections, IProviderConnections credentials, ICallerContext caller)
    : IRequestHandler<GetStripeConnectionQuery, StripeConnectionDto>
{
    public async Task<StripeConnectionDto> Handle(GetStripeConnectionQuery query, CancellationToken cancellationToken) =>
        await connections.FindAsync(cancellationToken) is { } connection
            ? ConnectionMapping.FromApi(caller.Environment, connection)
            : ConnectionMapping.FromConfiguration(caller.Environment, credentials.Configured());
}
