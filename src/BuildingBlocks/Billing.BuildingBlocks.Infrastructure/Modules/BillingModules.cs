using System.Reflection;
using Billing.BuildingBlocks.Application.Access;
using Billing.BuildingBlocks.Application.Messaging;
using Billing.BuildingBlocks.Infrastructure.Outbox;
using Billing.BuildingBlocks.Infrastructure.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Billing.BuildingBlocks.Infrastructure.Modules;

public static class BillingModules
{
    private static readonly Type[] MessagingInterfaces =
        [typeof(IRequestHandler<,>), typeof(INotificationHandler<>)];

    /// <summary>
    /// Registers a module in one call, the same way for every module: its context on the shared
    /// database, its unit of work (keyed by module name), its outbox and migrations, its handlers
    /// and validators, and every Infrastructure adapter of a port its Application declares.
    /// The module's assemblies are found by the naming rule the architecture tests enforce:
    /// the context lives in <c>Billing.{module}.Infrastructure</c>, use cases in <c>Billing.{module}.Application</c>.
    /// </summary>
    public static IServiceCollection AddBillingModule<TContext>(this IServiceCollection services, string module)
        where TContext : ModuleDbContext
    {
        // Pooled: a new context's set-up (EF Core finding its internal services) costs more than many
        // requests' queries. A scope rents one, gives it the scope's caller (whose environment scopes
        // every query, ENV-1), and returns it, its tracked entities cleared, when the scope ends.
        services.AddPooledDbContextFactory<TContext>(
            (provider, options) => options.UseBillingDatabase(
                provider.GetRequiredService<BillingDatabaseOptions>(),
                module.ToLowerInvariant()));
        services.AddScoped(provider =>
        {
            var context = provider.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext();
            context.Caller = provider.GetRequiredService<ICallerContext>();
            return context;
        });

        services.AddKeyedScoped<IUnitOfWork, UnitOfWork<TContext>>(module);
        services.AddSingleton<IModuleDatabase>(new ModuleDatabase<TContext>(module));
        services.AddSingleton<IOutboxSource>(provider => new OutboxSource<TContext>(
            module,
            provider.GetRequiredService<IServiceScopeFactory>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<IOptions<OutboxOptions>>(),
            provider.GetRequiredService<ILogger<OutboxSource<TContext>>>()));

        return services.AddModuleUseCases(module, typeof(TContext).Assembly);
    }

    /// <summary>
    /// A module's use cases: handlers (Scrutor), validators (FluentValidation's own registration,
    /// docs-adr/0035), and every Infrastructure adapter of a port its Application declares. Part of
    /// <see cref="AddBillingModule{TContext}"/>; called alone by a module without an
    /// environment-scoped context (Access).
    /// </summary>
    public static IServiceCollection AddModuleUseCases(this IServiceCollection services, string module, Assembly infrastructureAssembly)
    {
        var applicationAssembly = Assembly.Load(new AssemblyName($"Billing.{module}.Application"));

        // Handlers with Scrutor; validators with FluentValidation's own registration.
        services.Scan(scan => scan
            .FromAssemblies(applicationAssembly, infrastructureAssembly)
            .AddClasses(classes => classes.Where(type => MessagingInterfacesOf(type).Any()), publicOnly: false)
            .As(MessagingInterfacesOf)
            .WithScopedLifetime());

        // A validator that needs nothing from the scope holds only its rules: built once, not on every request.
        Assembly[] useCases = [applicationAssembly, infrastructureAssembly];
        services.AddValidatorsFromAssemblies(useCases, ServiceLifetime.Singleton, found => IsSelfContained(found.ValidatorType), includeInternalTypes: true);
        services.AddValidatorsFromAssemblies(useCases, ServiceLifetime.Scoped, found => !IsSelfContained(found.ValidatorType), includeInternalTypes: true);

        services.Scan(scan => scan
            .FromAssemblies(infrastructureAssembly)
            .AddClasses(classes => classes.Where(type => PortsOf(type, applicationAssembly).Any() && ProviderOf(type) is null), publicOnly: false)
            .As(type => PortsOf(type, applicationAssembly))
            .WithScopedLifetime());

        return services.AddProviderAdapters(infrastructureAssembly, applicationAssembly);
    }

    /// <summary>
    /// docs-adr/0044: an adapter in a folder named after a provider (<c>Usage/Sqlite</c>,
    /// <c>Usage/Postgres</c>) serves its port only when that provider holds the database.
    /// </summary>
    private static IServiceCollection AddProviderAdapters(this IServiceCollection services, Assembly infrastructureAssembly, Assembly applicationAssembly)
    {
        var adapters = infrastructureAssembly.DefinedTypes
            .Where(type => type is { IsClass: true, IsAbstract: false } && ProviderOf(type) is not null)
            .SelectMany(type => PortsOf(type, applicationAssembly).Select(port => (Port: port, Adapter: type.AsType(), Provider: ProviderOf(type)!.Value)))
            .GroupBy(adapter => adapter.Port);
        foreach (var port in adapters)
        {
            var byProvider = port.ToDictionary(adapter => adapter.Provider, adapter => adapter.Adapter);
            foreach (var adapter in byProvider.Values)
            {
                services.AddScoped(adapter);
            }

            services.AddScoped(port.Key, provider =>
            {
                var database = provider.GetRequiredService<BillingDatabaseOptions>().Provider;
                return byProvider.TryGetValue(database, out var adapter)
                    ? provider.GetRequiredService(adapter)
                    : throw new InvalidOperationException($"{port.Key.Name} has no adapter for {database}.");
            });
        }

        return services;
    }

    private static DatabaseProvider? ProviderOf(Type type) =>
        type.Namespace?.Split('.') switch
        {
            { } segments when segments.Contains("Sqlite") => DatabaseProvider.Sqlite,
            { } segments when segments.Contains("Postgres") => DatabaseProvider.Postgres,
            _ => null,
        };

    private static IEnumerable<Type> MessagingInterfacesOf(Type type) =>
        type.GetInterfaces().Where(contract =>
            contract.IsGenericType && MessagingInterfaces.Contains(contract.GetGenericTypeDefinition()));

    private static bool IsSelfContained(Type validator) =>
        validator.GetConstructors().All(constructor => constructor.GetParameters().Length == 0);

    private static IEnumerable<Type> PortsOf(Type type, Assembly applicationAssembly) =>
        type.GetInterfaces().Where(contract => contract.Assembly == applicationAssembly);
}
