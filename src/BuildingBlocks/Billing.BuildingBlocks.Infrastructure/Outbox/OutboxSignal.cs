namespace Billing.BuildingBlocks.Infrastructure.Outbox;

/// <summary>
/// Wakes the outbox processor right after a commit that queued messages, so events flow at once
/// instead of on the next poll; the poll remains for messages written by another process.
/// </summary>
internal sealed class OutboxSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another commit woke the processor already.
            }
        }
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _signal.WaitAsync(timeout, cancellationToken);
}
