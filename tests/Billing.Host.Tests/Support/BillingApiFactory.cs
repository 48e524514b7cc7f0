using System.Net.Http.Headers;
using Billing.Customers.Contracts;
using Billing.Invoicing.Contracts;
using Billing.Testing;
using MediatR;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Billing.Host.Tests.Support;

/// <summary>
/// The whole product in process, on a real database of its own (a SQLite file, or a PostgreSQL
/// database on the PostgreSQL pass), with the simulated clock and
/// one configured key per environment and role.
/// </summary>
public class BillingApiFactory : WebApplicationFactory<Program>
{
    public const string TestAdminKey = "test-admin-key-000000000000000001";
    public const string TestClientKey = "test-client-key-00000000000000001";
    public const string LiveAdminKey = "live-admin-key-000000000000000001";
    public const string LiveClientKey = "live-client-key-00000000000000001";

    public static readonly DateTimeOffset ClockStart = new(2026, 4, 30, 12, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, string?> _extraSettings = [];


    public RecordedEvents Events { get; } = new();

    public CapturedLogs Logs { get; } = new();

    /// <summary>A database of its own, unless set to another host's (another process of the same deployment).</summary>
    public string DatabasePath { get; init; } = Path.Combine(Path.GetTempPath(), "billing-tests", $"{Guid.NewGuid():N}.db");

    /// <summary>Settings on top of the defaults; a subclass may change or remove them.</summary>
    protected virtual Dictionary<string, string?> Settings() => new()
    {
        // Where an earlier version kept the key ring in files: one folder per database, so no test imports another's keys.
        ["Billing:DataProtection:KeysPath"] = DatabasePath + ".keys",
        ["Billing:Clock:Simulated"] = "true",
        ["Billing:Clock:Start"] = ClockStart.ToString("O"),
        ["Billing:Outbox:PollInterval"] = "00:00:00.200",
        ["Billing:Webhooks:AllowPrivateTargets"] = "true",
        ["Billing:ApiKeys:0:Key"] = TestAdminKey,
        ["Billing:ApiKeys:0:Environment"] = "test",
        ["Billing:ApiKeys:0:Role"] = "admin",
        ["Billing:ApiKeys:1:Key"] = TestClientKey,
        ["Billing:ApiKeys:1:Environment"] = "test",
        ["Billing:ApiKeys:1:Role"] = "client",
        ["Billing:ApiKeys:2:Key"] = LiveAdminKey,
        ["Billing:ApiKeys:2:Environment"] = "live",
        ["Billing:ApiKeys:2:Role"] = "admin",
        ["Billing:ApiKeys:3:Key"] = LiveClientKey,
        ["Billing:ApiKeys:3:Environment"] = "live",
        ["Billing:ApiKeys:3:Role"] = "client",
    };

    /// <summary>Settings over the factory's own; call before the host starts.</summary>
    public BillingApiFactory With(IReadOnlyDictionary<string, string?> settings)
    {
        foreach (var (key, value) in settings)
        {
            _extraSettings[key] = value;
        }

        return this;
    }

    public HttpClient ClientWith(string? apiKey)
    {
        var client = CreateClient();
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        builder.UseEnvironment("Testing");
        var settings = Settings();
        foreach (var (key, value) in TestDatabases.SettingsFor(DatabasePath))
        {
            settings.TryAdd(key, value);
        }

        foreach (var (key, value) in _extraSettings)
        {
            settings[key] = value;
        }

        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(settings));
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureServices(services =>
        {
            services.AddSingleton(Events);
            services.AddScoped<INotificationHandler<CustomerCreatedIntegrationEvent>, RecordingHandler<CustomerCreatedIntegrationEvent>>();
            services.AddScoped<INotificationHandler<CustomerArchivedIntegrationEvent>, RecordingHandler<CustomerArchivedIntegrationEvent>>();
            services.AddScoped<INotificationHandler<InvoiceFinalizedIntegrationEvent>, RecordingHandler<InvoiceFinalizedIntegrationEvent>>();
            services.AddScoped<INotificationHandler<InvoiceVoidedIntegrationEvent>, RecordingHandler<InvoiceVoidedIntegrationEvent>>();
            services.AddScoped<INotificationHandler<InvoiceRegeneratedIntegrationEvent>, RecordingHandler<InvoiceRegeneratedIntegrationEvent>>();
            services.AddScoped<INotificationHandler<InvoicePastDueIntegrationEvent>, RecordingHandler<InvoicePastDueIntegrationEvent>>();
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        TestDatabases.Drop(DatabasePath);
    }
}
