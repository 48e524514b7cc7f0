using Billing.BuildingBlocks.Infrastructure.Modules;
using Billing.BuildingBlocks.Infrastructure.Persistence;
using Billing.Payments.Application.Operations.Running;
using Billing.Payments.Application.Webhooks.ReceiveProviderEvent;
using Billing.Payments.Infrastructure.Operations;
using Billing.Payments.Infrastructure.Persistence;
using Billing.Payments.Infrastructure.Stripe;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Billing.Payments.Infrastructure;

/// <summary>The Payments module's registration entry point, called once by the host.</summary>
public static class PaymentsModule
{
    public const string Name = "Payments";

    public static IServiceCollection AddPaymentsModule(this IServiceCollection services)
    {
        services.AddBillingModule<PaymentsDbContext>(Name);

        services.AddOptions<StripeOptions>().BindConfiguration(StripeOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StripeOptions>, StripeOptionsValidation>();
        services.AddOptions<PaymentsOptions>().BindConfiguration(PaymentsOptions.Section);

        services.AddSingleton<StripeClients>();
        services.AddScoped<ProviderOperationRunner>();
        services.AddSingleton<WebhookRefusals>();
        services.AddHostedService<ProviderOperationProcessor>();

        return services;
    }
}
