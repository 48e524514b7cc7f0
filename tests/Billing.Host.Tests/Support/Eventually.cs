namespace Billing.Host.Tests.Support;

/// <summary>
/// Waits for a condition that background work (the outbox, the payment processor, a webhook)
/// makes true: it looks again each time the product commits something or the fake Stripe answers
/// (<see cref="Changes"/>), and gives up with the last observation after 20 s without it.
/// A wait on a condition, not on a time.
/// </summary>
public static class Eventually
{
    public static async Task<T> WaitAsync<T>(Func<Task<T>> observe, Func<T, bool> until, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var seen = Changes.Version;
            var observed = await observe();
            if (until(observed))
            {
                return observed;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new ShouldAssertException($"Gave up waiting for {what}; last saw {observed}");
            }

            await Changes.AfterAsync(seen, left);
        }
    }
}
