using System.Collections.Concurrent;
using System.Globalization;
using Billing.BuildingBlocks.Domain;
using Billing.BuildingBlocks.Infrastructure.Persistence;
using Billing.BuildingBlocks.Infrastructure.Persistence.Sqlite;
using Billing.Metering.Application.Usage;
using Billing.Metering.Infrastructure.Persistence;

namespace Billing.Metering.Infrastructure.Usage.Sqlite;

/// <summary>
/// Group commit for usage events (docs-adr/0018). Every request queues its events and awaits them;
/// whichever request finds no writer at work becomes the writer, takes everything queued (up to
/// <see cref="MaxEventsPerCommit"/>), and stores it in one transaction with one prepared insert:
/// many concurrent requests share one fsync. Each request is answered only after the commit that
/// holds its events is on disk. De-duplication is the insert itself (<c>ON CONFLICT DO NOTHING</c>
/// on the per-environment unique id), so it and the write are one atomic step. Each event is stored
/// for the customer that owns its external id when the transaction holds the write lock, not when the
/// request was checked (<see cref="CurrentOwners"/>): an event for a customer deleted meanwhile is
/// refused, and one for an external id given to a new customer counts for the new one.
/// </summary>
internal sealed class UsageEventWriter(BillingDatabaseOptions database, CurrentOwners currentOwners, TimeProvider clock)
{
    public const int MaxEventsPerCommit = 20_000;

    private const string Insert =
        $"""
        INSERT INTO {MeteringDbContext.UsageEventsTable}
            (environment, event_id, customer_id, external_customer_id, event_name, timestamp_micros, properties, value_micros, unique_key, payload_hash, received_at)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
        ON CONFLICT (environment, event_id) DO NOTHING
        """;

    private const string StoredHash =
        $"SELECT payload_hash FROM {MeteringDbContext.UsageEventsTable} WHERE environment = ?1 AND event_id = ?2";

    private readonly ConcurrentQueue<PendingAppend> _queue = new();
    private readonly SemaphoreSlim _writer = new(1, 1);

    public Task<IReadOnlyList<AppendOutcome>> AppendAsync(BillingEnvironment environment, IReadOnlyList<UsageEventRecord> events)
    {
        var pending = new PendingAppend(environment, events);
        _queue.Enqueue(pending);
        TryBecomeWriter();
        return pending.Completion.Task;
    }

    private void TryBecomeWriter()
    {
        if (_writer.Wait(0))
        {
            _ = Task.Run(WriteQueuedAsync);
        }
    }

    private async Task WriteQueuedAsync()
    {
        try
        {
            while (TakeGroup() is { Count: > 0 } group)
            {
                await WriteGroupAsync(group);
            }
        }
        finally
        {
            _writer.Release();

            // Whatever was queued between the last look and the release must not wait for the next request.
            if (!_queue.IsEmpty)
            {
                TryBecomeWriter();
            }
        }
    }

    private List<PendingAppend> TakeGroup()
    {
        var group = new List<PendingAppend>();
        var events = 0;
        while (events < MaxEventsPerCommit && _queue.TryDequeue(out var pending))
        {
            group.Add(pending);
            events += pending.Events.Count;
        }

        return group;
    }

    private async Task WriteGroupAsync(List<PendingAppend> group)
    {
        try
        {
            var outcomes = await CommitAsync(group);
            for (var i = 0; i < group.Count; i++)
            {
                group[i].Completion.TrySetResult(outcomes[i]);
            }
        }
        catch (Exception exception)
        {
            // Nothing of the group was committed: every request fails and may be retried safely.
            group.ForEach(pending => pending.Completion.TrySetException(exception));
        }
    }

    private async Task<List<AppendOutcome[]>> CommitAsync(List<PendingAppend> group)
    {
        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        await using var transaction = connection.BeginTransaction();
        var owners = await OwnersAsync(group);
        using var insert = new PreparedStatement(connection, Insert);
        using var storedHash = new PreparedStatement(connection, StoredHash);
        var receivedAt = clock.GetUtcNow().UtcDateTime.ToString(UtcInstantToTextConverter.Format, CultureInfo.InvariantCulture);

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


    /// <summary>The owners of every external id of the group, per environment, asked once while the write lock is held.</summary>
    private async Task<Dictionary<BillingEnvironment, IReadOnlyDictionary<string, Customers.Contracts.CustomerReference>>> OwnersAsync(List<PendingAppend> group)
    {
        var owners = new Dictionary<BillingEnvironment, IReadOnlyDictionary<string, Customers.Contracts.CustomerReference>>();
        foreach (var environment in group.GroupBy(pending => pending.Environment))
        {
            var externalIds = environment.SelectMany(pending => pending.Events).Select(record => record.ExternalCustomerId).Distinct().ToList();
            owners[environment.Key] = await currentOwners.ResolveAsync(environment.Key, externalIds, CancellationToken.None);
        }

        return owners;
    }

    private sealed class PendingAppend(BillingEnvironment environment, IReadOnlyList<UsageEventRecord> events)
    {
        public BillingEnvironment Environment { get; } = environment;

        public IReadOnlyList<UsageEventRecord> Events { get; } = events;

        public TaskCompletionSource<IReadOnlyList<AppendOutcome>> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
