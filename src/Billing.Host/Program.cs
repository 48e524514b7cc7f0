using System.Text.Json.Serialization;
using Billing.Access.Infrastructure;
using Billing.Access.Web;
using Billing.BuildingBlocks.Infrastructure.Modules;
using Billing.BuildingBlocks.Infrastructure.Persistence;
using Billing.BuildingBlocks.Infrastructure.Security;
using Billing.BuildingBlocks.Infrastructure.Time;
using Billing.Customers.Infrastructure;
using Billing.Customers.Web;
using Billing.Host.Admin;
using Billing.Host.Clock;
using Billing.Host.Health;
using Billing.Host.Http;
using Billing.Invoicing.Infrastructure;
using Billing.Invoicing.Web;
using Billing.Metering.Infrastructure;
using Billing.Metering.Web;
using Billing.Payments.Infrastructure;
using Billing.Payments.Web;
using Microsoft.AspNetCore.Http.Json;

// The content root (appsettings.json, the admin page) is where the host's files are, not the working
// directory, so the built or published host starts from anywhere (a service manager, another shell).
// Relative paths in settings, such as the database's, still resolve against the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

// Platform: messaging pipeline, caller, clock, database, outbox, audit.
builder.Services.AddBillingPlatform(builder.Configuration);

// Modules: each registers itself; they meet only through MediatR and their Contracts.
builder.Services
    .AddCustomersModule()
    .AddMeteringModule()
    .AddInvoicingModule()
    .AddPaymentsModule();

// Access (ENV-2): API keys, bearer authentication, client and admin policies.
builder.Services.AddAccessModule();

// HTTP conventions (API-1): Kestrel's own limits on the request line and headers are far above the
// API's, so an oversized request reaches RequestTargetLimit or RequestHeadersLimit and gets a problem
// body instead of Kestrel's empty 414 or 431.
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.Limits.MaxRequestLineSize = RequestTargetLimit.ServerLimitBytes;
    kestrel.Limits.MaxRequestHeadersTotalSize = RequestHeadersLimit.ServerLimitBytes;
});

// HTTP conventions (API-1): strict JSON, problem details for every error, OpenAPI, health.
builder.Services.Configure<JsonOptions>(options =>
{
    options.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
    options.SerializerOptions.MaxDepth = 32;
    options.SerializerOptions.AllowDuplicateProperties = false;
    options.SerializerOptions.Converters.Add(new NoNullElements());
});
builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = Problems.Complete);
builder.Services.AddExceptionHandler<ApiExceptionHandler>();
builder.Services.AddScoped<AdvanceClockValidator>();
builder.Services.AddScoped<SetClockValidator>();
builder.Services.AddOpenApi(options => options.AddDocumentTransformer<BearerSecurityScheme>());
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

var app = builder.Build();

await app.Services.MigrateBillingDatabaseAsync();
await app.Services.PrepareKeyRingAsync();
await app.Services.GetRequiredService<SharedClock>().PrepareAsync(CancellationToken.None);
await app.Services.EnsureApiKeysAsync();

app.UseMiddleware<ServerTiming>();
if (app.Services.GetRequiredService<SharedClock>().IsSimulated)
{
    app.UseMiddleware<DeploymentClock>();
}

app.UseMiddleware<RequestTargetLimit>();
app.UseMiddleware<NoNulInTarget>();
app.UseMiddleware<RequestHeadersLimit>();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAdminPageFiles();
app.UseRouting();
app.UseMiddleware<RequestBodyLimit>();
app.UseApiKeys();

app.MapHealthChecks("/health").AllowAnonymous();
app.MapOpenApi().AllowAnonymous();
app.MapApiKeyEndpoints();
app.MapPingEndpoint();
app.MapTestClockEndpoints();
app.MapCustomersEndpoints();
app.MapMeteringEndpoints();
app.MapInvoicingEndpoints();
app.MapInvoiceEndpoints();
app.MapInvoicingSettingsEndpoints();
app.MapNotificationEndpoints();
app.MapPaymentsEndpoints();
app.MapStripeWebhookEndpoints();
app.MapAdminPage();

app.Run();

/// <summary>Visible to the end-to-end tests' WebApplicationFactory.</summary>
public partial class Program;
