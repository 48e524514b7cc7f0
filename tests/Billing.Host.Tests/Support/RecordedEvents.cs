using System.Collections.Concurrent;
using Billing.BuildingBlocks.Application.Events;
using MediatR;

namespace Billing.Host.Tests.Support;

/// <summary>Integration events as another module would receive them, after the outbox published them.</summary>
public sealed class RecordedEvents
{
    private readonly ConcurrentQueue<IntegrationEvent> _events = new();
    private readonly SemaphoreSlim _added = new(0);

    public IReadOnlyList<IntegrationEvent> All => _events.ToList();

    public void Add(IntegrationEvent integrationEvent)
    {
        _events.Enqueue(integrationEvent);
        _added.Release();
    }

    /// <summary>Waits on the condition, not on a fixed time: the outbox publishes as soon as it is signalled.</summary>
    public async Task<T> WaitForAsync<T>(Func<T, bool> match)
        where T : IntegrationEvent
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            if (_events.OfType<T>().FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await _added.WaitAsync(timeout.Token);
        }
    }
}

public sealed class RecordingHandler<T>(RecordedEvents events) : INotificationHandler<T>
    where T : IntegrationEvent
{
    public Task Handle(T notification, CancellationToken cancellationToken)
    {
        events.Add(notification);
        return Task.CompletedTask;
    }
}
