using Billing.Access.Domain.ApiKeys;
using Billing.Access.Infrastructure.Persistence;
using Billing.BuildingBlocks.Application.Validation;
using Billing.BuildingBlocks.Domain;
using Billing.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Billing.Access.Infrastructure.Bootstrap;

/// <summary>
/// ENV-4 on start: keys from <c>Billing:ApiKeys</c> are stored (hashed) or brought in line with
/// their configuration; when no key exists at all, one admin key per environment is created and
/// shown once in the log. A key revoked through the API stays revoked even while still configured.
/// </summary>
internal static class ApiKeyBootstrap
{
    public static async Task EnsureAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<AccessDbContext>();
        await context.MigrateSchemaAsync(cancellationToken);
        var configuration = scope.ServiceProvider.GetRequiredService<IConfiguration>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Billing.Access");

        var configured = configuration.GetSection("Billing:ApiKeys").Get<List<ConfiguredApiKey>>() ?? [];
        foreach (var (entry, index) in configured.Select((entry, index) => (entry, index)))
        {
            var (secret, name, environment, role) = Validate(entry, index);
            var hash = ApiKey.HashOf(secret);
            var existing = await context.ApiKeys.SingleOrDefaultAsync(key => key.Hash == hash, cancellationToken);
            if (existing is null)
            {
                context.ApiKeys.Add(ApiKey.Create(secret, name, environment, role, "configuration", now));
            }
            else
            {
                existing.Reconfigure(name, environment, role);
            }
        }

        await context.SaveChangesAsync(cancellationToken);
        if (configured.Count > 0 || await context.ApiKeys.AnyAsync(cancellationToken))
        {
            return;
        }

        var live = ApiKey.NewSecret(BillingEnvironment.Live);
        var test = ApiKey.NewSecret(BillingEnvironment.Test);
        context.ApiKeys.Add(ApiKey.Create(live, "bootstrap admin (live)", BillingEnvironment.Live, ApiKeyRole.Admin, "bootstrap", now));
        context.ApiKeys.Add(ApiKey.Create(test, "bootstrap admin (test)", BillingEnvironment.Test, ApiKeyRole.Admin, "bootstrap", now));
        await context.SaveChangesAsync(cancellationToken);
        logger.LogWarning(
            "No API keys existed, so one admin key per environment was created. They are shown this once; store them now. Live admin key: {LiveKey} Test admin key: {TestKey}",
            live,
            test);
    }

    private static (string Secret, string Name, BillingEnvironment Environment, ApiKeyRole Role) Validate(ConfiguredApiKey entry, int index)
    {
        var at = $"Billing:ApiKeys:{index}";
        if (entry.Key is null || entry.Key.Length < ApiKey.MinimumLength)
        {
            throw new InvalidOperationException($"{at}:Key must have at least {ApiKey.MinimumLength} characters.");
        }

        if (!BillingEnvironments.TryParse(entry.Environment, out var environment))
        {
            throw new InvalidOperationException($"{at}:Environment must be 'live' or 'test', not '{entry.Environment}'.");
        }

        var role = ApiKeyRole.Client;
        if (entry.Role is not null && !WireName.TryParse(entry.Role, out role))
        {
            throw new InvalidOperationException($"{at}:Role must be 'client' or 'admin', not '{entry.Role}'.");
        }

        return (entry.Key, entry.Name ?? $"configured {entry.Environment} {WireName.Of(role)}", environment, role);
    }
}
