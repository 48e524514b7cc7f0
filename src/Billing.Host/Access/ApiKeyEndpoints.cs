using Billing.BuildingBlocks.Application.Access;
using Billing.BuildingBlocks.Application.Errors;
using Billing.BuildingBlocks.Application.Paging;
using Billing.BuildingBlocks.Application.Validation;
using Billing.BuildingBlocks.Domain;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Billing.Host.Access;

internal sealed record CreateApiKeyRequest(string? Name, string? Role);

internal sealed class CreateApiKeyValidator : AbstractValidator<CreateApiKeyRequest>
{
    public CreateApiKeyValidator()
    {
        RuleFor(request => request.Name).NotEmpty().MaximumLength(100);
        RuleFor(request => request.Role).NotEmpty().WireNameOf<CreateApiKeyRequest, ApiKeyRole>();
    }
}

/// <summary>A key as listed; the secret itself is never shown again after creation.</summary>
internal sealed record ApiKeyDto(
    string Id, string Name, string Environment, string Role, string Prefix, string Source, bool Active, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public static ApiKeyDto From(ApiKey key) => new(
        key.Id, key.Name, key.Environment.ToWireName(), WireName.Of(key.Role), key.Prefix, key.Source, key.IsActive, key.CreatedAt, key.RevokedAt);
}

internal sealed record CreatedApiKeyDto(ApiKeyDto ApiKey, string Key);

/// <summary>ENV-2, ENV-4: admins manage the keys of their own environment.</summary>
internal static class ApiKeyEndpoints
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

    private static async Task<Created<CreatedApiKeyDto>> Create(
        CreateApiKeyRequest request, CreateApiKeyValidator validator, AccessDbContext context, ICallerContext caller, TimeProvider clock, CancellationToken cancellationToken)
    {
        await validator.ValidateAndThrowAsync(request, cancellationToken);
        var secret = ApiKey.NewSecret(caller.Environment);
        var key = ApiKey.Create(secret, request.Name!, caller.Environment, WireName.Parse<ApiKeyRole>(request.Role!), "api", clock.GetUtcNow());
        context.ApiKeys.Add(key);
        await context.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/v1/api-keys/{key.Id}", new CreatedApiKeyDto(ApiKeyDto.From(key), secret));
    }

    private static async Task<Ok<CursorPage<ApiKeyDto>>> List(AccessDbContext context, ICallerContext caller, CancellationToken cancellationToken)
    {
        var keys = await context.ApiKeys.AsNoTracking()
            .Where(key => key.Environment == caller.Environment)
            .OrderByDescending(key => key.CreatedAt)
            .ThenByDescending(key => key.Id)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new CursorPage<ApiKeyDto>(keys.Select(ApiKeyDto.From).ToList(), HasMore: false, NextCursor: null));
    }

    private static async Task<Ok<ApiKeyDto>> Revoke(
        string id, AccessDbContext context, ApiKeyStore store, ICallerContext caller, TimeProvider clock, CancellationToken cancellationToken)
    {
        var key = await context.ApiKeys.SingleOrDefaultAsync(k => k.Id == id && k.Environment == caller.Environment, cancellationToken)
            ?? throw new NotFoundException("API key", id);
        if (key.IsActive && key.Role == ApiKeyRole.Admin)
        {
            var otherAdmins = await context.ApiKeys.CountAsync(
                k => k.Environment == caller.Environment && k.Role == ApiKeyRole.Admin && k.RevokedAt == null && k.Id != id,
                cancellationToken);
            if (otherAdmins == 0)
            {
                throw new BusinessRuleViolation("last_admin_key", "This is the last active admin key of the environment; create another before revoking it.");
            }
        }

        key.Revoke(clock.GetUtcNow());
        await context.SaveChangesAsync(cancellationToken);
        store.Forget(key.Hash);
        return TypedResults.Ok(ApiKeyDto.From(key));
    }
}
