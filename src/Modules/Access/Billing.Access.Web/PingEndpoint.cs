using Billing.Access.Application.Ping;
using Billing.Access.Contracts;
using Billing.BuildingBlocks.Application.Access;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Billing.Access.Web;

/// <summary>
/// ENV-2, docs-adr/0049: a client checks that its key works, and in which environment, without
/// touching any data (as Orb's ping). It is the host's cheapest authenticated request, so the
/// benchmarks measure the cost of HTTP and authentication on it (<c>L_http</c>, PERFORMANCE.md).
/// </summary>
public static class PingEndpoint
{
    public static IEndpointRouteBuilder MapPingEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/ping", Ping)
            .WithTags("API keys")
            .WithName("Ping")
            .WithSummary("Whether the key is valid, and the environment it acts in; reads nothing else")
            .RequireAuthorization(AccessPolicies.Client)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return app;
    }

    private static async Task<Ok<PingDto>> Ping(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new PingQuery(), cancellationToken));
}
