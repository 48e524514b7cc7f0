using System.Security.Claims;
using Billing.BuildingBlocks.Application.Access;
using Billing.BuildingBlocks.Domain;
using Billing.BuildingBlocks.Infrastructure.Access;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Billing.Access.Infrastructure.Authentication;

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
