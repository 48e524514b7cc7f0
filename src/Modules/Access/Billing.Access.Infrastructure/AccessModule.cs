using Billing.Access.Application.ApiKeys;
using Billing.Access.Infrastructure.Authentication;
using Billing.Access.Infrastructure.Bootstrap;
using Billing.Access.Infrastructure.Persistence;
using Billing.BuildingBlocks.Application.Access;
using Billing.BuildingBlocks.Infrastructure.Modules;
using Billing.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Billing.Access.Infrastructure;

/// <summary>
/// The Access module's registration entry points (ENV-2): API keys, bearer authentication, and the
/// client and admin policies. Its one table is read before the environment is known (the key tells
/// it), so its context is a plain one on the shared database rather than an environment-scoped
/// module context (docs-adr/0010, 0038).
/// </summary>
public static class AccessModule
{
    public const string Name = "Access";

    public static IServiceCollection AddAccessModule(this IServiceCollection services)
    {
        services.AddDbContext<AccessDbContext>(
            (provider, options) => options.UseBillingDatabase(provider.GetRequiredService<BillingDatabaseOptions>(), AccessDbContext.Schema),
            contextLifetime: ServiceLifetime.Scoped,
            optionsLifetime: ServiceLifetime.Singleton);
        services.AddModuleUseCases(Name, typeof(AccessModule).Assembly);

        services.AddMemoryCache(cache => cache.SizeLimit = 10_000);

        // One key cache: the revocation port is the authentication's own store, not a second one per scope.
        services.AddSingleton<ApiKeyStore>();
        services.Replace(ServiceDescriptor.Singleton<IRevokedKeys>(provider => provider.GetRequiredService<ApiKeyStore>()));
        services.AddAuthentication(ApiKeyAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, _ => { });
        services.AddAuthorizationBuilder()
            .AddPolicy(AccessPolicies.Client, policy => policy.RequireAuthenticatedUser())
            .AddPolicy(AccessPolicies.Admin, policy => policy.RequireAuthenticatedUser().RequireRole(AccessPolicies.Admin));
        return services;
    }

    /// <summary>ENV-4 on start: the table is migrated, configured keys stored, and a first admin key per environment made when there is none.</summary>
    public static Task EnsureApiKeysAsync(this IServiceProvider services, CancellationToken cancellationToken = default) =>
        ApiKeyBootstrap.EnsureAsync(services, cancellationToken);

    /// <summary>Authenticates the key, authorizes the route, and makes the key the caller of the request's scope (ENV-1).</summary>
    public static IApplicationBuilder UseApiKeys(this IApplicationBuilder app) =>
        app.UseAuthentication().UseAuthorization().UseMiddleware<CallerFromApiKey>();
}
