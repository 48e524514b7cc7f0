using Microsoft.Extensions.Logging;

namespace Billing.Payments.Application.Webhooks.ReceiveProviderEvent;

/// <summary>
/// PAY-6: refused webhooks are anyone's to send, so they are logged as a warning without a stack
/// trace, at most one line a minute (real time), saying how many more were refused meanwhile.
/// </summary>
internal sealed class WebhookRefusals(ILogger<WebhookRefusals> logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private readonly Lock _lock = new();
    private long _lastLoggedAt = long.MinValue;
    private int _unlogged;

    public void Report(string code, string reason)
    {
        int unlogged;
        lock (_lock)
        {
            var now = Environment.TickCount64;
            if (_lastLoggedAt != long.MinValue && now - _lastLoggedAt < (long)Interval.TotalMilliseconds)
            {
                _unlogged++;
                return;
            }

            _lastLoggedAt = now;
            unlogged = _unlogged;
            _unlogged = 0;
        }

        logger.LogWarning("Refused a Stripe webhook ({Code}): {Reason} ({Unlogged} more refused since the last such line)", code, reason, unlogged);
    }
}
