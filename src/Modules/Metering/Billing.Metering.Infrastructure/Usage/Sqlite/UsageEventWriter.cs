using System.Globalization;
using Billing.BuildingBlocks.Domain;
using Billing.BuildingBlocks.Infrastructure.Persistence;
using Billing.BuildingBlocks.Infrastructure.Persistence.Sqlite;
using Billing.Metering.Application.Usage;
using Billing.Metering.Infrastructure.Persistence;

namespace Billing.Metering.Infrastructure.Usage.Sqlite;

/// <summary>
/// SQLite's commit of a group of usage events (docs-adr/0018, <see cref="GroupCommit"/>): one
/// transaction with one prepared insert. De-duplication is the insert itself (<c>ON CONFLICT DO
/// NOTHING</c> on the per-environment unique id), so it and the write are one atomic step. Each
/// event is stored for the customer that owns its external id when the transaction holds the write
/// lock, not when the request was checked (<see cref="CurrentOwners"/>): an event for a customer
/// deleted meanwhile is refused, and one for an external id given to a new customer counts for the new one.
/// </summary>
internal sealed class UsageEventWriter
{
    private const string Insert =
        $"""
        INSERT INTO {MeteringDbContext.UsageEventsTable}
            (environment, event_id, customer_id, external_customer_id, event_name, timestamp_micros, properties, value_micros, unique_key, payload_hash, received_at)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
        ON CONFLICT (environment, event_id) DO NOTHING
        """;

    private const string StoredHash =
        $"SELECT payload_hash FROM {MeteringDbContext.UsageEventsTable} WHERE environment = ?1 AND event_id = ?2";

    private readonly BillingDatabaseOptions _database;
    private readonly CurrentOwners _currentOwners;
    private readonly TimeProvider _clock;
    private readonly GroupCommit _commits;

    public UsageEventWriter(BillingDatabaseOptions database, CurrentOwners currentOwners, TimeProvider clock)
    {
        (_database, _currentOwners, _clock) = (database, currentOwners, clock);
        _commits = new GroupCommit(CommitAsync);
    }

    public Task<IReadOnlyList<AppendOutcome>> AppendAsync(BillingEnvironment environment, IReadOnlyList<UsageEventRecord> events) =>
        _commits.AppendAsync(environment, events);

    private async Task<IReadOnlyList<AppendOutcome[]>> CommitAsync(IReadOnlyList<PendingAppend> group)
    {
        await using var connection = await _database.OpenConnectionAsync(CancellationToken.None);
        await using var transaction = connection.BeginTransaction();
        var owners = await _currentOwners.ResolveAllAsync(group);
        using var insert = new PreparedStatement(connection, Insert);
        using var storedHash = new PreparedStatement(connection, StoredHash);
        var receivedAt = _clock.GetUtcNow().UtcDateTime.ToString(UtcInstantToTextConverter.Format, CultureInfo.InvariantCulture);

        var outcomes = new List<AppendOutcome[]>(group.Count);
        foreach (var pending in group)
        {
            var environment = pending.Environment.ToWireName();
            var answers = new AppendOutcome[pending.Events.Count];
            for (var i = 0; i < answers.Length; i++)
            {
                var record = pending.Events[i];
                if (!owners[pending.Environment].TryGetValue(record.ExternalCustomerId, out var owner))
                {
                    answers[i] = AppendOutcome.UnknownCustomer;
                    continue;
                }

                insert.Bind(1, environment);
                insert.Bind(2, record.EventId);
                insert.Bind(3, owner.Id);
                insert.Bind(4, record.ExternalCustomerId);
                insert.Bind(5, record.EventName);
                insert.Bind(6, UsageEventRow.ToMicros(record.Timestamp));
                insert.Bind(7, record.Properties);
                insert.Bind(8, record.ValueMicros);
                insert.Bind(9, record.UniqueKey);
                insert.Bind(10, record.PayloadHash);
                insert.Bind(11, receivedAt);
                if (insert.Execute() == 1)
                {
                    answers[i] = AppendOutcome.Accepted;
                    continue;
                }

                storedHash.Bind(1, environment);
                storedHash.Bind(2, record.EventId);
                answers[i] = storedHash.FirstText() == record.PayloadHash ? AppendOutcome.Duplicate : AppendOutcome.Conflict;
            }

            outcomes.Add(answers);
        }

        transaction.Commit();
        return outcomes;
    }
}
