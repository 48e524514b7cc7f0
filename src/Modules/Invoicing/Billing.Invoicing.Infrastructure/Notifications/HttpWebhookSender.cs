using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Billing.Invoicing.Application.Notifications;

namespace Billing.Invoicing.Infrastructure.Notifications;

/// <summary>
/// Signs and posts a webhook. The HMAC covers <c>"{t}.{body}"</c> with the endpoint's secret, where
/// <c>t</c> is the injected clock's Unix time, so receivers can reject replays by age.
/// </summary>
internal sealed class HttpWebhookSender : IWebhookSender
{
    // One client for the process: sockets are pooled, and a receiver gets 10 seconds to answer.
    private static readonly HttpClient Client = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
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
            using var response = await Client.SendAsync(request, cancellationToken);
            return ((int)response.StatusCode, response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}");
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return (null, exception.GetType().Name + ": " + exception.Message);
        }
    }
}
