using Billing.BuildingBlocks.Infrastructure.Modules;
using Billing.Customers.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Billing.Customers.Infrastructure;

/// <summary>The Customers module's registration entry point, called once by the host.</summary>
public static class CustomersModule
{
    public const string Name = "Customers";

    public static IServiceCollection AddCustomersModule(this IServiceCollection services) =>
        services.AddBillingModule<CustomersDbContext>(Name);
}
