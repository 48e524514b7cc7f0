using System.Diagnostics;

namespace Billing.Host.Tests.Support;

/// <summary>
/// A pulse for "something in the product or the fake Stripe may have changed": every transaction
/// the in-process host commits (EF Core's diagnostic event, whichever module) and every request or
/// webhook the fake Stripe has finished. Tests that wait for background work (the outbox, the
/// payment processor) look again on each pulse instead of on a timer.
/// </summary>
public static class Changes
{
    private static readonly object Gate = new();
    private static long _version;
    private static TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    static Changes() => DiagnosticListener.AllListeners.Subscribe(new ListenerObserver());

    public static long Version => Interlocked.Read(ref _version);

    public static void Pulse()
    {
        TaskCompletionSource pulsed;
        lock (Gate)
        {
            _version++;
            pulsed = _next;
            _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        pulsed.TrySetResult();
    }

    /// <summary>Completes when something changed after <paramref name="seen"/> was read, or when the caller gives up.</summary>
    public static Task AfterAsync(long seen, TimeSpan giveUpAfter)
    {
        Task next;
        lock (Gate)
        {
            if (_version != seen)
            {
                return Task.CompletedTask;
            }

            next = _next.Task;
        }

        return next.WaitAsync(giveUpAfter).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private sealed class ListenerObserver : IObserver<DiagnosticListener>
    {
        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == "Microsoft.EntityFrameworkCore")
            {
                listener.Subscribe(new EventObserver());
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }

    private sealed class EventObserver : IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key.EndsWith("TransactionCommitted", StringComparison.Ordinal) || value.Key.EndsWith("SaveChangesCompleted", StringComparison.Ordinal))
            {
                Pulse();
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}
