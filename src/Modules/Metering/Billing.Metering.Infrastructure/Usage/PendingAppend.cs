using Billing.BuildingBlocks.Domain;
using Billing.Metering.Application.Usage;

namespace Billing.Metering.Infrastructure.Usage;

/// <summary>One request's events waiting in a <see cref="GroupCommit"/>, and the answer it awaits.</summary>
internal sealed class PendingAppend(BillingEnvironment environment, IReadOnlyList<UsageEventRecord> events)
{
    public BillingEnvironment Environment { get; } = environment;

    public IReadOnlyList<UsageEventRecord> Events { get; } = events;

    public TaskCompletionSource<IReadOnlyList<AppendOutcome>> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
