using Billing.BuildingBlocks.Application.Messaging;
using Billing.BuildingBlocks.Domain;
using Billing.BuildingBlocks.Infrastructure.Access;
using Billing.BuildingBlocks.Infrastructure.Modules;
using Billing.BuildingBlocks.Infrastructure.Persistence;
using Billing.Customers.Infrastructure;
using Billing.Customers.Infrastructure.Persistence;
using Billing.Testing;
using MediatR;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Billing.Customers.Tests.Application;

/// <summary>The Customers module alone, registered as the host registers it, on a real SQLite file.</summary>
public class CustomersModuleFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset ClockStart = new(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), "billing-tests", $"customers-{Guid.NewGuid():N}.db");
    private ServiceProvider? _services;

    private ServiceProvider Services => _services ?? throw new InvalidOperationException("Not initialised.");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_databasePath)!);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(TestDatabases.SettingsFor(_databasePath)).AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Billing:Clock:Simulated"] = "true",
            ["Billing:Clock:Start"] = ClockStart.ToString("O"),
        }).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration);
        services.AddBillingPlatform(configuration).AddCustomersModule();
        Configure(services);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        await _services.MigrateBillingDatabaseAsync();
    }

    /// <summary>What a fixture for one kind of test registers beside the module (a stand-in, a probe).</summary>
    protected virtual void Configure(IServiceCollection services)
    {
    }

    public async Task<T> SendAsync<T>(IRequest<T> request, BillingEnvironment environment = BillingEnvironment.Test)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CallerContext>().Set(environment, "key_fixture");
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    /// <summary>Work done inside the module's unit of work without a handler: how a test stands in for a request that raced past a handler's check.</summary>
    public async Task InUnitOfWorkAsync(Func<IServiceProvider, Task> work, BillingEnvironment environment = BillingEnvironment.Test)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CallerContext>().Set(environment, "key_fixture");
        await scope.ServiceProvider.GetRequiredKeyedService<IUnitOfWork>(CustomersModule.Name).ExecuteAsync(
            async () =>
            {
                await work(scope.ServiceProvider);
                return true;
            },
            CancellationToken.None);
    }

    /// <summary>Reads the module's tables directly, across environments, to see exactly what was written.</summary>
    internal async Task<T> ReadAsync<T>(Func<CustomersDbContext, Task<T>> read, BillingEnvironment environment = BillingEnvironment.Test)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CallerContext>().Set(environment, "key_fixture");
        return await read(scope.ServiceProvider.GetRequiredService<CustomersDbContext>());
    }

    /// <summary>A query in a scope where nobody set the caller: must throw, never return every environment.</summary>
    public async Task<int> ReadUnscopedAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CustomersDbContext>().Customers.CountAsync();
    }

    /// <summary>A query on a context taken straight from the module's pool, outside any scope: must throw, never use an earlier scope's caller.</summary>
    public async Task<int> ReadFromThePoolAsync()
    {
        await using var context = await Services.GetRequiredService<IDbContextFactory<CustomersDbContext>>().CreateDbContextAsync();
        return await context.Customers.CountAsync();
    }

    public Task<(int Customers, int AuditEntries, int OutboxMessages)> CountRowsAsync() =>
        ReadAsync(async context => (
            await context.Customers.IgnoreQueryFilters().CountAsync(),
            await context.AuditEntries.IgnoreQueryFilters().CountAsync(),
            await context.OutboxMessages.IgnoreQueryFilters().CountAsync()));

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        TestDatabases.Drop(_databasePath);
    }
}
