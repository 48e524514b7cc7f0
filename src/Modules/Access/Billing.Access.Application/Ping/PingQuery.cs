using Billing.Access.Contracts;
using Billing.BuildingBlocks.Application.Access;
using Billing.BuildingBlocks.Application.Messaging;
using Billing.BuildingBlocks.Domain;
using MediatR;

namespace Billing.Access.Application.Ping;

/// <summary>ENV-2, docs-adr/0049: the caller's key is valid (authentication let it through); the answer is the environment it acts in. Reads nothing.</summary>
internal sealed record PingQuery : IQuery<PingDto>;

internal sealed class PingHandler(ICallerContext caller) : IRequestHandler<PingQuery, PingDto>
{
    public Task<PingDto> Handle(PingQuery query, CancellationToken cancellationToken) =>
        Task.FromResult(new PingDto(caller.Environment.ToWireName()));
}
