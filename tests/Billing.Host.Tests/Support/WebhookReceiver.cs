using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Billing.Host.Tests.Support;

/// <summary>A real HTTP endpoint on loopback that records what it receives and answers the statuses it is given, in order (then 200).</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<int> _answers;
    private readonly Task _loop;

    public WebhookReceiver(params int[] answers)
    {
        _answers = new ConcurrentQueue<int>(answers);
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}/hooks/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string Url { get; }

    public ConcurrentQueue<(string Signature, string EventId, string Body, int Answered)> Received { get; } = new();

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop.ContinueWith(_ => { });
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            var context = await _listener.GetContextAsync();
            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            var status = _answers.TryDequeue(out var answer) ? answer : 200;
            Received.Enqueue((context.Request.Headers["Billing-Signature"] ?? string.Empty, context.Request.Headers["Billing-Event-Id"] ?? string.Empty, body, status));
            context.Response.StatusCode = status;
            context.Response.Close();
        }
    }
}
