using Billing.BuildingBlocks.Infrastructure.Modules;
using Billing.BuildingBlocks.Infrastructure.Scheduling;
using Billing.Invoicing.Application.Customers;
using Billing.Invoicing.Application.Invoices.Composing;
using Billing.Invoicing.Application.Invoices.Issuing;
using Billing.Invoicing.Application.Notifications;
using Billing.Invoicing.Application.Notifications.Notify;
using Billing.Invoicing.Infrastructure.Notifications;
using Billing.Invoicing.Infrastructure.Persistence;
using Billing.Invoicing.Infrastructure.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace Billing.Invoicing.Infrastructure;

/// <summary>The Invoicing module's registration entry point, called once by the host.</summary>
public static class InvoicingModule
{
    public const string Name = "Invoicing";

    public static IServiceCollection AddInvoicingModule(this IServiceCollection services)
    {
        services.AddBillingModule<InvoicingDbContext>(Name);
        services.AddScoped<CustomerDirectory>();
        services.AddScoped<InvoiceComposer>();
        services.AddScoped<InvoiceIssuer>();
        services.AddScoped<InvoiceNotices>();
        services.AddSingleton<IScheduledJob, InvoiceCycleJob>();
        services.AddSingleton<IWebhookSender, HttpWebhookSender>();
        services.AddSingleton<WebhookTargetPolicy>();
        services.AddSingleton<IScheduledJob, WebhookDeliveryJob>();
        return services;
    }
}
