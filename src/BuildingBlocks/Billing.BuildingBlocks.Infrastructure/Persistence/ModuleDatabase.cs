using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Billing.BuildingBlocks.Infrastructure.Persistence;

/// <summary>One module's schema, migrated on start with its own history table.</summary>
internal interface IModuleDatabase
{
    string Module { get; }

    Task MigrateAsync(IServiceProvider scopedServices, CancellationToken cancellationToken);
}

/// <summary>A context's schema: a module's, or the platform's own (the key ring).</summary>
internal sealed class ModuleDatabase<TContext>(string module) : IModuleDatabase
    where TContext : DbContext
{
    public string Module => module;

    public Task MigrateAsync(IServiceProvider scopedServices, CancellationToken cancellationToken) =>
        scopedServices.GetRequiredService<TContext>().MigrateSchemaAsync(cancellationToken);
}
