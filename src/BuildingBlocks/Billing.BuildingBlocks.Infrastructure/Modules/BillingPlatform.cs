using Billing.BuildingBlocks.Application.Access;
using Billing.BuildingBlocks.Application.Audit;
using Billing.BuildingBlocks.Application.Behaviours;
using Billing.BuildingBlocks.Application.Events;
using Billing.BuildingBlocks.Application.Messaging;
using Billing.BuildingBlocks.Infrastructure.Access;
using Billing.BuildingBlocks.Infrastructure.Audit;
using Billing.BuildingBlocks.Infrastructure.Outbox;
using Billing.BuildingBlocks.Infrastructure.Persistence;
using Billing.BuildingBlocks.Infrastructure.Persistence.Sqlite;
using Billing.BuildingBlocks.Infrastructure.Scheduling;
using Billing.BuildingBlocks.Infrastructure.Security;
using Billing.BuildingBlocks.Infrastructure.Time;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Billing.BuildingBlocks.Infrastructure.Modules;

public static class BillingPlatform
{
    /// <summary>
    /// What every module stands on: MediatR 5.1 with the pipeline logging → validation → unit of
    /// work, the caller context, the clock, the database settings, the outbox and the audit trail.
    /// </summary>
    public static IServiceCollection AddBillingPlatform(this IServiceCollection services, IConfiguration configuration)
    {
        // Messages name fields as clients write them: 'externalId', not 'External Id'.
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
            member is null ? null : char.ToLowerInvariant(member.Name[0]) + member.Name[1..];

        services.AddScoped<ServiceFactory>(provider => provider.GetService!);
        services.AddScoped<IMediator, Mediator>();

        // Registration order is pipeline order: the first registered behaviour is the outermost.
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(LoggingBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(UnitOfWorkBehaviour<,>));

        services.AddScoped<CallerContext>();
        services.AddScoped<ICallerContext>(provider => provider.GetRequiredService<CallerContext>());
        services.AddScoped<ActiveUnitsOfWork>();
        services.AddScoped<ICommandAttempts, CommandAttempts>();
        services.AddScoped<IIntegrationEventOutbox, OutboxWriter>();
        services.AddScoped<IAuditTrail, AuditTrail>();

        // Settings are read when first needed, not while registering, so every configuration
        // source (including a test host's overrides) has been added by then.
        services.AddSingleton(provider =>
        {
            var settings = provider.GetRequiredService<IConfiguration>();
            return new BillingDatabaseOptions(
                settings.GetConnectionString("Billing"),
                settings.GetValue("Billing:Database:BulkWrites", defaultValue: true),
                DatabaseProviders.Parse(settings[DatabaseProviders.Setting]));
        });
        services.AddSingleton<ReadConnections>();
        services.AddSingleton<WorkClaims>();
        services.AddSingleton<OutboxSignal>();
        services.Configure<OutboxOptions>(configuration.GetSection("Billing:Outbox"));
        services.AddHostedService<OutboxProcessor>();

        // Secrets at rest (Stripe keys, webhook secrets) are encrypted with one key ring for all modules.
        services.AddBillingDataProtection();

        services.AddSingleton<JobScheduler>();
        services.AddHostedService(provider => provider.GetRequiredService<JobScheduler>());

        services.AddSingleton(provider => BillingClock.From(provider.GetRequiredService<IConfiguration>()));
        services.AddSingleton(provider => provider.GetRequiredService<BillingClock>().Now);
        services.AddSingleton<SharedClock>();
        return services;
    }
}
