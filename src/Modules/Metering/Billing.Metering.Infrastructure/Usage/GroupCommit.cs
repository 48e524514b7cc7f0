using System.Collections.Concurrent;
using Billing.BuildingBlocks.Domain;
using Billing.Metering.Application.Usage;

namespace Billing.Metering.Infrastructure.Usage;

/// <summary>
/// Group commit for usage events (docs-adr/0018), whichever provider stores them. Every request
/// queues its events and awaits them; whichever request finds no writer at work becomes the writer,
/// takes everything queued (up to <see cref="MaxEventsPerCommit"/>), and hands it to the provider's
/// commit as one transaction: many concurrent requests share one durable commit. Each request is
/// answered only after the commit that holds its events; if that commit fails, every request of the
/// group fails and may be retried safely (nothing of it was kept).
/// </summary>
internal sealed class GroupCommit(Func<IReadOnlyList<PendingAppend>, Task<IReadOnlyList<AppendOutcome[]>>> commit)
{
    public const int MaxEventsPerCommit = 20_000;

    private readonly ConcurrentQueue<PendingAppend> _queue = new();
    private readonly SemaphoreSlim _writer = new(1, 1);

    // Once queued, events are committed or failed as a group: a caller's cancellation cannot
    // un-write them, so the answer is awaited whatever happens to the request.
    public Task<IReadOnlyList<AppendOutcome>> AppendAsync(BillingEnvironment environment, IReadOnlyList<UsageEventRecord> events)
    {
        var pending = new PendingAppend(environment, events);
        _queue.Enqueue(pending);
        TryBecomeWriter();
        return pending.Completion.Task;
    }

    private void TryBecomeWriter()
    {
        if (_writer.Wait(0))
        {
            _ = Task.Run(WriteQueuedAsync);
        }
    }

    private async Task WriteQueuedAsync()
    {
        try
        {
            while (TakeGroup() is { Count: > 0 } group)
            {
                await WriteGroupAsync(group);
            }
        }
        finally
        {
            _writer.Release();

            // Whatever was queued between the last look and the release must not wait for the next request.
            if (!_queue.IsEmpty)
            {
                TryBecomeWriter();
            }
        }
    }

    private List<PendingAppend> TakeGroup()
    {
        var group = new List<PendingAppend>();
        var events = 0;
        while (events < MaxEventsPerCommit && _queue.TryDequeue(out var pending))
        {
            group.Add(pending);
            events += pending.Events.Count;
        }

        return group;
    }

    private async Task WriteGroupAsync(List<PendingAppend> group)
    {
        try
        {
            var outcomes = await commit(group);
            for (var i = 0; i < group.Count; i++)
            {
                group[i].Completion.TrySetResult(outcomes[i]);
            }
        }
        catch (Exception exception)
        {
            group.ForEach(pending => pending.Completion.TrySetException(exception));
        }
    }
}
