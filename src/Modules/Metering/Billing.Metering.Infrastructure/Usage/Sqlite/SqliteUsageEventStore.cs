using Billing.BuildingBlocks.Application.Access;
using Billing.BuildingBlocks.Domain;
using Billing.Metering.Application.Usage;
using Billing.Metering.Infrastructure.Usage.Sqlite;

namespace Billing.Metering.Infrastructure.Usage.Sqlite;

/// <summary>The port, scoped to the caller's environment (ENV-1), over the shared group-commit writer.</summary>
internal sealed class SqliteUsageEventStore(UsageEventWriter writer, ICallerContext caller) : IUsageEventStore
{
    // Once queued, events are committed or failed as a group: the caller's cancellation cannot
    // un-write them, so the answer is awaited whatever happens to the request.
    public Task<IReadOnlyList<AppendOutcome>> AppendAsync(IReadOnlyList<UsageEventRecord> events, CancellationToken cancellationToken) =>
        writer.AppendAsync(caller.Environment, events);
}
