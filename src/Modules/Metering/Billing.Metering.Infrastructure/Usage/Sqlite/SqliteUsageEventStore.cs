using Billing.BuildingBlocks.Application.Access;
using Billing.BuildingBlocks.Domain;
using Billing.Metering.Application.Usage;

namespace Billing.Metering.Infrastructure.Usage.Sqlite;

/// <summary>The port, scoped to the caller's environment (ENV-1), over the shared group-commit writer.</summary>
internal sealed class SqliteUsageEventStore(UsageEventWriter writer, ICallerContext caller) : IUsageEventStore
{
    public Task<IReadOnlyList<AppendOutcome>> AppendAsync(IReadOnlyList<UsageEventRecord> events, CancellationToken cancellationToken) =>
        writer.AppendAsync(caller.Environment, events);
}
