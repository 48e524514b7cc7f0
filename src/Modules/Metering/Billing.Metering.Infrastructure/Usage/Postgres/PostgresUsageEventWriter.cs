using Billing.BuildingBlocks.Domain;
using Billing.BuildingBlocks.Infrastructure.Persistence;
using Billing.BuildingBlocks.Infrastructure.Persistence.Postgres;
using Billing.Metering.Application.Usage;
using Billing.Metering.Infrastructure.Persistence;
using Npgsql;
using NpgsqlTypes;

namespace Billing.Metering.Infrastructure.Usage.Postgres;

/// <summary>
/// MET-4, MET-5 on PostgreSQL (docs-adr/0044): PostgreSQL's commit of a group of usage events
/// (<see cref="GroupCommit"/>, so concurrent requests share one durable commit). Each environment's
/// events go in as one multi-row <c>INSERT … SELECT FROM unnest(…) ON CONFLICT DO NOTHING RETURNING</c>,
/// so de-duplication and the write are one atomic statement whatever other instances insert at the
/// same moment; the events the insert skipped are then compared with what is stored (duplicate or
/// conflict). An id repeated within the group is stored for its first occurrence. Each event is
/// stored for the customer that owns its external id while the group holds the id's lock, as on
/// SQLite (docs-adr/0032, 0048).
/// </summary>
internal sealed class PostgresUsageEventWriter
{
    private const string Insert =
        """
        INSERT INTO metering.usage_events
            (environment, event_id, customer_id, external_customer_id, event_name, timestamp_micros, properties, value_micros, unique_key, payload_hash, received_at)
        SELECT @environment, e.event_id, e.customer_id, e.external_customer_id, e.event_name, e.timestamp_micros, e.properties, e.value_micros, e.unique_key, e.payload_hash, @received_at
        FROM unnest(@event_ids, @customer_ids, @external_customer_ids, @event_names, @timestamps, @properties, @values, @unique_keys, @hashes)
            AS e(event_id, customer_id, external_customer_id, event_name, timestamp_micros, properties, value_micros, unique_key, payload_hash)
        ON CONFLICT (environment, event_id) DO NOTHING
        RETURNING event_id
        """;

    private const string StoredHashes =
        "SELECT event_id, payload_hash FROM metering.usage_events WHERE environment = @environment AND event_id = ANY(@event_ids)";

    private readonly BillingDatabaseOptions _database;
    private readonly CurrentOwners _currentOwners;
    private readonly TimeProvider _clock;
    private readonly GroupCommit _commits;

    public PostgresUsageEventWriter(BillingDatabaseOptions database, CurrentOwners currentOwners, TimeProvider clock)
    {
        (_database, _currentOwners, _clock) = (database, currentOwners, clock);
        _commits = new GroupCommit(CommitAsync);
    }

    public Task<IReadOnlyList<AppendOutcome>> AppendAsync(BillingEnvironment environment, IReadOnlyList<UsageEventRecord> events) =>
        _commits.AppendAsync(environment, events);

    private async Task<IReadOnlyList<AppendOutcome[]>> CommitAsync(IReadOnlyList<PendingAppend> group)
    {
        await using var connection = await _database.DataSource().OpenConnectionAsync(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync(CancellationToken.None);

        // No deletion of an owner commits between this answer and the events' commit (docs-adr/0048):
        // the owners are asked only once the external ids' locks are held, until the commit.
        var keys = group.SelectMany(pending => pending.Events.Select(record => OwnershipLocks.KeyOf(pending.Environment, record.ExternalCustomerId)));
        await PostgresAdvisoryLock.HoldSharedUntilCommitAsync(connection, transaction, keys, CancellationToken.None);
        var owners = await _currentOwners.ResolveAllAsync(group);
        var outcomes = group.Select(pending => new AppendOutcome[pending.Events.Count]).ToList();
        foreach (var environment in group.Select((pending, index) => (pending, index)).GroupBy(item => item.pending.Environment))
        {
            var known = owners[environment.Key];
            var owned = environment.SelectMany(item => item.pending.Events).Where(record => known.ContainsKey(record.ExternalCustomerId)).ToList();
            var inserted = await InsertAsync(connection, transaction, environment.Key, owned, known);
            var stored = inserted.Count == owned.Count
                ? new Dictionary<string, string>()
                : await StoredHashesAsync(connection, transaction, environment.Key, owned.Select(record => record.EventId).Distinct().ToArray());
            foreach (var (pending, index) in environment)
            {
                for (var i = 0; i < pending.Events.Count; i++)
                {
                    var record = pending.Events[i];
                    outcomes[index][i] = !known.ContainsKey(record.ExternalCustomerId) ? AppendOutcome.UnknownCustomer
                        : inserted.Remove(record.EventId) ? AppendOutcome.Accepted
                        : stored[record.EventId] == record.PayloadHash ? AppendOutcome.Duplicate
                        : AppendOutcome.Conflict;
                }
            }
        }

        await transaction.CommitAsync(CancellationToken.None);
        return outcomes;
    }

    /// <summary>The ids this statement stored; an id repeated within the request is stored for its first occurrence, and the later ones read what it stored.</summary>
    private async Task<HashSet<string>> InsertAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        BillingEnvironment environment,
        List<UsageEventRecord> owned,
        IReadOnlyDictionary<string, Customers.Contracts.CustomerReference> owners)
    {
        var inserted = new HashSet<string>(StringComparer.Ordinal);
        if (owned.Count == 0)
        {
            return inserted;
        }

        await using var command = new NpgsqlCommand(Insert, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string>("environment", environment.ToWireName()));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("received_at", _clock.GetUtcNow().ToUniversalTime()));
        command.Parameters.Add(Texts("event_ids", owned.Select(record => record.EventId)));
        command.Parameters.Add(Texts("customer_ids", owned.Select(record => owners[record.ExternalCustomerId].Id)));
        command.Parameters.Add(Texts("external_customer_ids", owned.Select(record => record.ExternalCustomerId)));
        command.Parameters.Add(Texts("event_names", owned.Select(record => record.EventName)));
        command.Parameters.Add(new NpgsqlParameter<long[]>("timestamps", owned.Select(record => UsageEventRow.ToMicros(record.Timestamp)).ToArray()));
        command.Parameters.Add(Texts("properties", owned.Select(record => record.Properties)));
        command.Parameters.Add(new NpgsqlParameter<long?[]>("values", owned.Select(record => record.ValueMicros).ToArray()) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        command.Parameters.Add(Texts("unique_keys", owned.Select(record => record.UniqueKey)));
        command.Parameters.Add(Texts("hashes", owned.Select(record => record.PayloadHash)));
        await using var reader = await command.ExecuteReaderAsync(CancellationToken.None);
        while (await reader.ReadAsync(CancellationToken.None))
        {
            inserted.Add(reader.GetString(0));
        }

        return inserted;
    }

    private static async Task<Dictionary<string, string>> StoredHashesAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, BillingEnvironment environment, string[] eventIds)
    {
        await using var command = new NpgsqlCommand(StoredHashes, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string>("environment", environment.ToWireName()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("event_ids", eventIds));
        await using var reader = await command.ExecuteReaderAsync(CancellationToken.None);
        var stored = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(CancellationToken.None))
        {
            stored[reader.GetString(0)] = reader.GetString(1);
        }

        return stored;
    }

    private static NpgsqlParameter Texts(string name, IEnumerable<string?> values) =>
        new NpgsqlParameter<string?[]>(name, values.ToArray()) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };
}
