using Billing.BuildingBlocks.Infrastructure.Modules;
using Billing.Invoicing.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Billing.Invoicing.Infrastructure;

/// <summary>The Invoicing module's registration entry point, called once by the host.</summary>
public static class InvoicingModule
{
    public const string Name = "Invoicing";

    public static IServiceCollection AddInvoicingModule(this IServiceCollection services) =>
        services.AddBillingModule<InvoicingDbContext>(Name);
}
