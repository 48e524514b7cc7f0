namespace Billing.BuildingBlocks.Infrastructure.Outbox;

/// <summary><c>Billing:Outbox</c> settings.</summary>
public sealed class OutboxOptions
{
    /// <summary>How often to look for messages nobody signalled (written by another instance).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    public int BatchSize { get; set; } = 100;
}
