namespace Billing.Payments.Infrastructure.Operations;

/// <summary><c>Billing:Payments</c>.</summary>
internal sealed class PaymentsOptions
{
    public const string Section = "Billing:Payments";

    /// <summary>How often the processor looks for queued provider operations when it has nothing to do.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public int BatchSize { get; set; } = 50;
}
