using System.Security.Claims;
using System.Text.Encodings.Web;
using Billing.Access.Domain.ApiKeys;
using Billing.BuildingBlocks.Application.Access;
using Billing.BuildingBlocks.Domain;
using Billing.BuildingBlocks.Infrastructure.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Billing.Access.Infrastructure.Authentication;

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
        await ProblemResponses.WriteAsync(
            problems,
            Context,
            StatusCodes.Status401Unauthorized,
            "unauthorized",
            result.Failure?.Message ?? "This route needs an API key: send 'Authorization: Bearer <api key>'.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ProblemResponses.WriteAsync(
            problems,
            Context,
            StatusCodes.Status403Forbidden,
            "forbidden",
            "This route needs an admin key; the key sent has the client role.");
}
