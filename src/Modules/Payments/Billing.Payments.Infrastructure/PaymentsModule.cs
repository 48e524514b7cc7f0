using Billing.BuildingBlocks.Infrastructure.Modules;
using Billing.Payments.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Billing.Payments.Infrastructure;

/// <summary>The Payments module's registration entry point, called once by the host.</summary>
public static class PaymentsModule
{
    public const string Name = "Payments";

    public static IServiceCollection AddPaymentsModule(this IServiceCollection services) =>
        services.AddBillingModule<PaymentsDbContext>(Name);
}
