using Billing.BuildingBlocks.Application.Access;
using Billing.Metering.Application.Usage;

namespace Billing.Metering.Infrastructure.Usage.Postgres;

/// <summary>The port on PostgreSQL, scoped to the caller's environment (ENV-1), over the shared group-commit writer.</summary>
internal sealed class PostgresUsageEventStore(PostgresUsageEventWriter writer, ICallerContext caller) : IUsageEventStore
{
    public Task<IReadOnlyList<AppendOutcome>> AppendAsync(IReadOnlyList<UsageEventRecord> events, CancellationToken cancellationToken) =>
        writer.AppendAsync(caller.Environment, events);
}
