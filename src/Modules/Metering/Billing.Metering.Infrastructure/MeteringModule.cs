using Billing.BuildingBlocks.Infrastructure.Modules;
using Billing.Metering.Application.Usage;
using Billing.Metering.Infrastructure.Caching;
using Billing.Metering.Infrastructure.Persistence;
using Billing.Metering.Infrastructure.Usage;
using Billing.Metering.Infrastructure.Usage.Postgres;
using Billing.Metering.Infrastructure.Usage.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Billing.Metering.Infrastructure;

/// <summary>The Metering module's registration entry point, called once by the host.</summary>
public static class MeteringModule
{
    public const string Name = "Metering";

    public static IServiceCollection AddMeteringModule(this IServiceCollection services)
    {
        // One writer for the process, so concurrent requests share commits (group commit); the
        // provider's port resolves only its own.
        services.AddSingleton<CurrentOwners>();
        services.AddSingleton<UsageEventWriter>();
        services.AddSingleton<PostgresUsageEventWriter>();
        services.AddSingleton<KnownMeters>();
        services.AddSingleton<KnownCustomers>();
        services.AddSingleton<LateUsageWindowCache>();
        services.AddScoped<UsageSummaries>();
        return services.AddBillingModule<MeteringDbContext>(Name);
    }
}
