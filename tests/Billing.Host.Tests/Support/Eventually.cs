namespace Billing.Host.Tests.Support;

/// <summary>
/// Waits for a condition that background work (the outbox, the payment processor, a webhook)
/// makes true, checking it again every few milliseconds; fails with the last observation after 20 s.
/// A wait on a condition, not on a time.
/// </summary>
public static class Eventually
{
    public static async Task<T> WaitAsync<T>(Func<Task<T>> observe, Func<T, bool> until, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var observed = await observe();
            if (until(observed))
            {
                return observed;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new ShouldAssertException($"Gave up waiting for {what}; last saw {observed}");
            }

            await Task.Delay(25);
        }
    }
}
