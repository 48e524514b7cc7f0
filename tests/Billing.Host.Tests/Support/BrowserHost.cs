using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Billing.Host.Tests.Support;

/// <summary>
/// The product on a real loopback port (Kestrel) and a headless Chromium driven by Playwright: the
/// Debian <c>chromium</c> that .ci/run installs, or <c>BILLING_CHROMIUM</c>. Screenshots go to a
/// temporary folder, or to <c>BILLING_DOCS_OUT</c> to be committed (docs/screenshots).
/// </summary>
public sealed class BrowserHost : IAsyncDisposable
{
    private BrowserHost(StripeApiFactory factory, IPlaywright playwright, IBrowser browser, IPage page, string baseUrl)
    {
        Factory = factory;
        Playwright = playwright;
        Browser = browser;
        Page = page;
        BaseUrl = baseUrl;
    }

    public StripeApiFactory Factory { get; }

    public IPlaywright Playwright { get; }

    public IBrowser Browser { get; }

    public IPage Page { get; }

    public string BaseUrl { get; }

    public static async Task<BrowserHost> StartAsync()
    {
        var factory = new StripeApiFactory();
        factory.UseKestrel(0);
        factory.StartServer();
        var baseUrl = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        factory.Stripe.WebhookUrl = baseUrl + "/webhooks/stripe/test";

        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath(),
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, AcceptDownloads = true });
        page.SetDefaultTimeout(15_000);
        return new BrowserHost(factory, playwright, browser, page, baseUrl);
    }

    /// <summary>Debian's chromium first (what .ci/run installs), then a Chrome a CI image may carry.</summary>
    private static string ChromiumPath() =>
        new[] { Environment.GetEnvironmentVariable("BILLING_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }
            .FirstOrDefault(path => !string.IsNullOrEmpty(path) && File.Exists(path))
        ?? throw new InvalidOperationException("No Chromium found: install Debian's chromium (.ci/run does) or set BILLING_CHROMIUM.");

    public HttpClient Admin()
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", BillingApiFactory.TestAdminKey);
        return client;
    }

    public async Task ScreenshotAsync(string name)
    {
        var folder = Environment.GetEnvironmentVariable("BILLING_DOCS_OUT") is { Length: > 0 } keep ? keep : Path.Combine(Path.GetTempPath(), "billing-screens");
        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await Factory.DisposeAsync();
    }
}
