using Billing.Access.Infrastructure;
using Billing.Access.Infrastructure.Authentication;
using Billing.BuildingBlocks.Domain;
using Billing.BuildingBlocks.Infrastructure.Access;
using Billing.BuildingBlocks.Infrastructure.Modules;
using Billing.Testing;
using MediatR;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Billing.Access.Tests;

/// <summary>The Access module alone, registered as the host registers it, on a real SQLite file, with one configured admin key per environment.</summary>
public sealed class AccessModuleFixture : IAsyncLifetime
{
    public const string TestAdminKey = "bk_test_fixture_admin_key_000000000001";
    public const string LiveAdminKey = "bk_live_fixture_admin_key_000000000001";

    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), "billing-tests", $"access-{Guid.NewGuid():N}.db");
    private ServiceProvider? _services;

    private ServiceProvider Services => _services ?? throw new InvalidOperationException("Not initialised.");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_databasePath)!);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(TestDatabases.SettingsFor(_databasePath)).AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Billing:ApiKeys:0:Key"] = TestAdminKey,
            ["Billing:ApiKeys:0:Environment"] = "test",
            ["Billing:ApiKeys:0:Role"] = "admin",
            ["Billing:ApiKeys:1:Key"] = LiveAdminKey,
            ["Billing:ApiKeys:1:Environment"] = "live",
            ["Billing:ApiKeys:1:Role"] = "admin",
        }).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddProblemDetails()
            .AddRouting()
            .AddSingleton<IConfiguration>(configuration);
        services.AddBillingPlatform(configuration).AddAccessModule();
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        await _services.EnsureApiKeysAsync();
    }

    public async Task<T> SendAsync<T>(IRequest<T> request, BillingEnvironment environment = BillingEnvironment.Test)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CallerContext>().Set(environment, "key_fixture");
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    /// <summary>What the bearer authentication makes of a presented secret.</summary>
    internal Task<ApiKeyIdentity?> AuthenticateAsync(string secret) =>
        Services.GetRequiredService<ApiKeyStore>().AuthenticateAsync(secret, CancellationToken.None);

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
