using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Billing.Invoicing.Application.Notifications;

namespace Billing.Invoicing.Infrastructure.Notifications;

/// <summary>
/// Signs and posts a webhook. The HMAC covers <c>"{t}.{body}"</c> with the endpoint's secret, where
/// <c>t</c> is the injected clock's Unix time, so receivers can reject replays by age. Every
/// connection goes only to an address the target policy allows, whatever the name resolved to when
/// the endpoint was made (docs-adr/0031).
/// </summary>
internal sealed class HttpWebhookSender(WebhookTargetPolicy targets) : IWebhookSender
{
    // One client for the process: sockets are pooled, and a receiver gets 10 seconds to answer.
    private readonly HttpClient _client = new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AllowAutoRedirect = false,
        ConnectCallback = (context, cancellationToken) => ConnectAsync(targets, context, cancellationToken),
    })
    {
        Timeout = TimeSpan.FromSeconds(10),
    };

    public static string Signature(string secret, long timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp.ToString(CultureInfo.InvariantCulture)}.{body}")));

    public async Task<(int? StatusCode, string? Error)> SendAsync(DeliveryWork work, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var timestamp = now.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, work.Url)
        {
            Content = new StringContent(work.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Billing-Signature", $"t={timestamp.ToString(CultureInfo.InvariantCulture)},v1={Signature(work.Secret, timestamp, work.Payload)}");
        request.Headers.Add("Billing-Event-Id", work.NotificationId);
        request.Headers.Add("Billing-Event-Type", work.Type);
        try
        {
            using var response = await _client.SendAsync(request, cancellationToken);
            return ((int)response.StatusCode, response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}");
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return (null, exception.GetType().Name + ": " + exception.Message);
        }
    }

    private static async ValueTask<Stream> ConnectAsync(WebhookTargetPolicy targets, SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = targets.AllowsPrivateTargets ? addresses : addresses.Where(WebhookTargetPolicy.IsPublic).ToArray();
        if (allowed.Length == 0)
        {
            throw new HttpRequestException($"'{host}' resolves to no public address; webhooks go to public addresses only.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
