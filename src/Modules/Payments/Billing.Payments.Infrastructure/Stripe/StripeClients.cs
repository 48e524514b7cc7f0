using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Stripe;

namespace Billing.Payments.Infrastructure.Stripe;

/// <summary>
/// One Stripe.net <see cref="StripeClient"/> per secret key, so per environment (PAY-1), made on first
/// use and kept: a client is immutable and thread-safe. All share one HTTP handler whose pooled
/// connections are renewed every few minutes, so a long-lived client still follows DNS changes.
/// </summary>
internal sealed class StripeClients(IOptions<StripeOptions> options) : IDisposable
{
    private readonly ConcurrentDictionary<string, StripeClient> _clients = new(StringComparer.Ordinal);
    private readonly Lazy<HttpClient> _http = new(() => new HttpClient(
        new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }, disposeHandler: true) { Timeout = options.Value.Timeout });

    public StripeClient For(string secretKey) => _clients.GetOrAdd(secretKey, key => new StripeClient(new StripeClientOptions
    {
        ApiKey = key,
        ApiBase = options.Value.BaseUrl.ToString().TrimEnd('/'),
        HttpClient = new SystemNetHttpClient(_http.Value, options.Value.MaxNetworkRetries, appInfo: null, enableTelemetry: false),
    }));

    public void Dispose()
    {
        if (_http.IsValueCreated)
        {
            _http.Value.Dispose();
        }
    }
}
