using System.Security.Claims;
using System.Text.Encodings.Web;
using Billing.BuildingBlocks.Application.Access;
using Billing.BuildingBlocks.Domain;
using Billing.BuildingBlocks.Infrastructure.Access;
using Billing.Host.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Billing.Host.Access;

/// <summary>
/// ENV-2: <c>Authorization: Bearer &lt;key&gt;</c>. No or an unknown key → 401; a client key on an
/// admin route → 403; both as problem details naming what is wrong.
/// </summary>
internal sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyStore keys,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string EnvironmentClaim = "billing:environment";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length > 512)
        {
            return AuthenticateResult.Fail("The Authorization header must be 'Bearer <api key>'.");
        }

        var identity = await keys.AuthenticateAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (identity is null)
        {
            return AuthenticateResult.Fail("The API key is not valid or has been revoked.");
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, identity.KeyId),
                new Claim(ClaimTypes.Role, identity.Role == ApiKeyRole.Admin ? AccessPolicies.Admin : AccessPolicies.Client),
                new Claim(EnvironmentClaim, identity.Environment.ToWireName()),
            ],
            SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await Problems.WriteAsync(
            problems,
            Context,
            StatusCodes.Status401Unauthorized,
            "unauthorized",
            result.Failure?.Message ?? "This route needs an API key: send 'Authorization: Bearer <api key>'.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.WriteAsync(
            problems,
            Context,
            StatusCodes.Status403Forbidden,
            "forbidden",
            "This route needs an admin key; the key sent has the client role.");
}

/// <summary>Makes the authenticated key the caller of the request's scope (ENV-1).</summary>
internal sealed class CallerFromApiKey(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, CallerContext caller)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true
            && BillingEnvironments.TryParse(user.FindFirstValue(ApiKeyAuthentication.EnvironmentClaim), out var environment))
        {
            caller.Set(environment, user.FindFirstValue(ClaimTypes.NameIdentifier)!);
        }
        else if (context.GetEndpoint()?.Metadata.GetMetadata<ProviderWebhookEndpoint>() is { } webhook
            && BillingEnvironments.TryParse(context.GetRouteValue(ProviderWebhookEndpoint.EnvironmentRouteValue) as string, out var webhookEnvironment))
        {
            // A provider's webhook carries no key; its route names the environment and its signature is checked by the handler.
            caller.Set(webhookEnvironment, webhook.Actor);
        }

        return next(context);
    }
}
