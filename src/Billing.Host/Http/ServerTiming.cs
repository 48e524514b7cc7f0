using System.Diagnostics;
using System.Globalization;

namespace Billing.Host.Http;

/// <summary>
/// Every answer says how long the server spent on it until the response started, as the W3C
/// <c>Server-Timing: app;dur=&lt;ms&gt;</c> header: clients can tell network from server time, and the
/// P6 benchmark measures its server-side target with it.
/// </summary>
internal sealed class ServerTiming(RequestDelegate next)
{
    public const string Header = "Server-Timing";

    public Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        context.Response.OnStarting(() =>
        {
            var milliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            context.Response.Headers[Header] = "app;dur=" + milliseconds.ToString("0.###", CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        });
        return next(context);
    }
}
