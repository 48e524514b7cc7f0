using Billing.Access.Application.ApiKeys.CreateApiKey;
using Billing.Access.Application.ApiKeys.ListApiKeys;
using Billing.Access.Application.ApiKeys.RevokeApiKey;
using Billing.Access.Contracts;
using Billing.BuildingBlocks.Application.Access;
using Billing.BuildingBlocks.Application.Paging;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Billing.Access.Web;

/// <summary>ENV-2, ENV-4: admins manage the keys of their own environment.</summary>
public static class ApiKeyEndpoints
{
    public static IEndpointRouteBuilder MapApiKeyEndpoints(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/v1/api-keys")
            .WithTags("API keys")
            .RequireAuthorization(AccessPolicies.Admin)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        keys.MapPost("/", Create).WithName("CreateApiKey").WithSummary("Create a key in the caller's environment; the secret is in this answer only").ProducesValidationProblem();
        keys.MapGet("/", List).WithName("ListApiKeys").WithSummary("The keys of the caller's environment, newest first");
        keys.MapDelete("/{id}", Revoke).WithName("RevokeApiKey").WithSummary("Revoke a key; the last active admin key cannot be revoked")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<Created<CreatedApiKeyDto>> Create(CreateApiKeyCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        var created = await mediator.Send(command, cancellationToken);
        return TypedResults.Created($"/v1/api-keys/{created.ApiKey.Id}", created);
    }

    private static async Task<Ok<CursorPage<ApiKeyDto>>> List(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListApiKeysQuery(), cancellationToken));

    private static async Task<Ok<ApiKeyDto>> Revoke(string id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new RevokeApiKeyCommand(id), cancellationToken));
}
