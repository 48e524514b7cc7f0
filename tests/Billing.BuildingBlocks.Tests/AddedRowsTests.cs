using System.Data.Common;
using Billing.BuildingBlocks.Application.Access;
using Billing.BuildingBlocks.Infrastructure.Audit;
using Billing.BuildingBlocks.Infrastructure.Outbox;
using Billing.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Billing.BuildingBlocks.Tests;

/// <summary>
/// docs-adr/0026: rows added inside a unit of work's transaction are inserted with one prepared
/// statement per table (and changed rows with one per table and set of columns), and are stored
/// exactly as EF Core stores them outside one: every column of every kind the modules use, owned
/// rows, and the audit log's and outbox's integer keys.
/// </summary>
public sealed class AddedRowsTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 4, 30, 21, 30, 0, TimeSpan.FromHours(-7));

    private readonly TemporaryDatabase _database = new("added-rows");
    private readonly StatementCounter _efInserts = new("INSERT");
    private readonly StatementCounter _efUpdates = new("UPDATE");

    public AddedRowsTests()
    {
        using var context = Context();
        context.Database.EnsureCreated();
    }

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Rows_added_in_a_transaction_are_stored_exactly_as_EF_Core_stores_them_and_get_their_keys()
    {
        await using (var byEf = Context())
        {
            Add(byEf, "by-ef");
            await byEf.SaveChangesAsync();
        }

        _efInserts.Count.ShouldBe(5);

        await using (var prepared = Context())
        {
            await using var transaction = await prepared.Database.BeginTransactionAsync();
            var (audit, outbox) = Add(prepared, "prepared");
            (await prepared.SaveChangesAsync()).ShouldBe(5);
            await transaction.CommitAsync();

            (audit.Sequence, outbox.Sequence).ShouldBe((2L, 2L));
            prepared.ChangeTracker.Entries().ShouldAllBe(entry => entry.State == EntityState.Unchanged);
        }

        _efInserts.Count.ShouldBe(5);
        Stored("sample_samples", "by-ef").ShouldBe(Stored("sample_samples", "prepared"));
        Stored("sample_items", "by-ef").ShouldBe(Stored("sample_items", "prepared"));
        Stored("sample_audit_log", "by-ef").ShouldBe(Stored("sample_audit_log", "prepared"));
        Stored("sample_outbox", "by-ef").ShouldBe(Stored("sample_outbox", "prepared"));
    }

    [Fact]
    public async Task Rows_changed_in_a_transaction_are_stored_exactly_as_EF_Core_stores_them()
    {
        foreach (var note in new[] { "by-ef", "prepared" })
        {
            await using var context = Context();
            Add(context, note);
            await context.SaveChangesAsync();
        }

        var updatesBefore = _efUpdates.Count;
        await using (var byEf = Context())
        {
            Change(await byEf.Samples.SingleAsync(sample => sample.Note == "by-ef"));
            await byEf.SaveChangesAsync();
        }

        _efUpdates.Count.ShouldBe(updatesBefore + 2);
        await using (var prepared = Context())
        {
            await using var transaction = await prepared.Database.BeginTransactionAsync();
            var sample = await prepared.Samples.SingleAsync(one => one.Note == "prepared");
            Change(sample);
            (await prepared.SaveChangesAsync()).ShouldBe(2);
            await transaction.CommitAsync();

            prepared.ChangeTracker.DetectChanges();
            prepared.ChangeTracker.Entries().ShouldAllBe(entry => entry.State == EntityState.Unchanged);
        }

        _efUpdates.Count.ShouldBe(updatesBefore + 2);
        Stored("sample_samples", "by-ef").ShouldBe(Stored("sample_samples", "prepared"));
        Stored("sample_items", "by-ef").ShouldBe(Stored("sample_items", "prepared"));

        static void Change(Sample sample)
        {
            sample.Kind = SampleKind.Open;
            sample.Maybe = At.AddDays(1);
            sample.Amount = 0.10m;
            sample.Missing = 4;
            sample.Wait = TimeSpan.FromMinutes(-90);
            sample.Items[1].Quantity = 2.25m;
        }
    }

    [Fact]
    public async Task A_table_with_a_column_that_has_no_stored_form_here_is_left_to_EF_Core()
    {
        await using var context = Context();
        await using var transaction = await context.Database.BeginTransactionAsync();
        Add(context, "beside");
        context.Stamps.Add(new Stamp { Id = "stm_1", At = new DateTime(2026, 4, 30, 21, 30, 0, DateTimeKind.Utc) });

        (await context.SaveChangesAsync()).ShouldBe(6);
        await transaction.CommitAsync();

        // A DateTime is not among the forms written by position (docs-adr/0028): EF Core inserts that row, the prepared path the rest.
        _efInserts.Count.ShouldBe(1);
        context.ChangeTracker.Clear();
        (await context.Stamps.SingleAsync()).At.ShouldBe(new DateTime(2026, 4, 30, 21, 30, 0, DateTimeKind.Utc));
    }

    [Fact]
    public async Task A_table_not_marked_for_bulk_writes_is_saved_by_EF_Core()
    {
        await using var context = Context();
        await using var transaction = await context.Database.BeginTransactionAsync();
        Add(context, "marked");
        context.Notes.Add(new Note { Id = "note_1", Text = "plain" });

        (await context.SaveChangesAsync()).ShouldBe(6);
        await transaction.CommitAsync();

        // docs-adr/0043: the sample, its items, its audit entry and its outbox message by the prepared path; the note by EF Core.
        _efInserts.Count.ShouldBe(1);
        context.ChangeTracker.Clear();
        (await context.Notes.SingleAsync()).Text.ShouldBe("plain");
    }

    [Fact]
    public async Task With_bulk_writes_off_EF_Core_writes_every_row_and_stores_them_the_same()
    {
        using var database = new TemporaryDatabase("bulk-writes-off") { BulkWrites = false };
        var inserts = new StatementCounter("INSERT");
        await using var context = database.Context(options => new SampleContext(options), "sample", inserts);
        await context.Database.EnsureCreatedAsync();
        await using (var transaction = await context.Database.BeginTransactionAsync())
        {
            Add(context, "off");
            (await context.SaveChangesAsync()).ShouldBe(5);
            await transaction.CommitAsync();
        }

        inserts.Count.ShouldBe(5);
        context.ChangeTracker.Clear();
        (await context.Samples.Include(sample => sample.Items).SingleAsync()).Items.Count.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Changing_a_row_that_is_gone_fails_the_save()
    {
        await using (var first = Context())
        {
            Add(first, "gone");
            await first.SaveChangesAsync();
        }

        await using var context = Context();
        var sample = await context.Samples.SingleAsync(one => one.Note == "gone");
        await using (var other = Context())
        {
            await other.Database.ExecuteSqlRawAsync("DELETE FROM sample_items; DELETE FROM sample_samples;");
        }

        await using var transaction = await context.Database.BeginTransactionAsync();
        sample.Amount = 1m;
        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => context.SaveChangesAsync());
    }

    [Fact]
    public async Task A_save_that_also_deletes_is_left_to_EF_Core_whole()
    {
        await using (var first = Context())
        {
            Add(first, "first");
            await first.SaveChangesAsync();
        }

        await using var context = Context();
        await using var transaction = await context.Database.BeginTransactionAsync();
        context.Remove(await context.Samples.SingleAsync(sample => sample.Note == "first"));
        Add(context, "second");
        await context.SaveChangesAsync();
        await transaction.CommitAsync();

        _efInserts.Count.ShouldBe(10);
        (await context.Samples.Select(sample => sample.Note).ToListAsync()).ShouldBe(["second"]);
    }

    [Fact]
    public async Task Rows_written_before_a_failing_save_roll_back_with_the_transaction()
    {
        await using (var first = Context())
        {
            Add(first, "existing");
            await first.SaveChangesAsync();
        }

        await using var context = Context();
        await using (var transaction = await context.Database.BeginTransactionAsync())
        {
            Add(context, "rolled back");

            // EF Core's own part of the save fails after the prepared inserts ran: a required column set to null.
            var existing = await context.Samples.SingleAsync(sample => sample.Note == "existing");
            context.Entry(existing).Property(EnvironmentScope.PropertyName).CurrentValue = null;
            await Should.ThrowAsync<DbUpdateException>(() => context.SaveChangesAsync());
        }

        context.ChangeTracker.Clear();
        (await context.Samples.Select(sample => sample.Note).ToListAsync()).ShouldBe(["existing"]);
        (await context.AuditEntries.CountAsync()).ShouldBe(1);
    }

    private static (AuditEntry Audit, OutboxMessage Outbox) Add(SampleContext context, string note)
    {
        var audit = AuditEntry.Create(At, "key_1", "sample", note, "created", null, "because");
        var outbox = OutboxMessage.From(new AddedRowsTestEvent(Guid.NewGuid(), At, note));
        context.Samples.Add(new Sample
        {
            Id = "smp_" + note,
            Note = note,
            Kind = SampleKind.PastDue,
            At = At,
            Maybe = null,
            Amount = 12.450m,
            Count = 3,
            Big = 9_000_000_000L,
            Flag = true,
            Off = false,
            Negative = -0.5m,
            Missing = null,
            Small = 7,
            Token = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
            Wait = TimeSpan.FromHours(26.5),
            Items = [new SampleItem { Position = 1, Quantity = 0m, Ratio = 0.1 }, new SampleItem { Position = 2, Quantity = 1.5m, Until = At, Ratio = -2.5e10 }],
        });
        context.AddAuditEntry(audit);
        context.AddOutboxMessage(outbox);
        return (audit, outbox);
    }

    /// <summary>Every column of the rows that belong to one of the two samples, as SQLite quotes them, keys and names aside.</summary>
    private List<string> Stored(string table, string note)
    {
        using var connection = new SqliteConnection($"{_database.ConnectionString};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var columns = connection.CreateCommand();
        columns.CommandText = $"SELECT name FROM pragma_table_info('{table}') WHERE name NOT IN ('id', 'sample_id', 'note', 'sequence', 'entity_id', 'payload') ORDER BY cid";
        var names = new List<string>();
        using (var reader = columns.ExecuteReader())
        {
            while (reader.Read())
            {
                names.Add(reader.GetString(0));
            }
        }

        var owner = table switch
        {
            "sample_samples" => "note = $note",
            "sample_items" => "sample_id = 'smp_' || $note",
            "sample_audit_log" => "entity_id = $note",
            _ => "payload LIKE '%' || $note || '%'",
        };
        using var rows = connection.CreateCommand();
        rows.CommandText = $"SELECT {string.Join(" || '|' || ", names.Select(name => $"quote({name})"))} FROM {table} WHERE {owner} ORDER BY rowid";
        rows.Parameters.AddWithValue("$note", note);
        var stored = new List<string>();
        using var read = rows.ExecuteReader();
        while (read.Read())
        {
            stored.Add(read.GetString(0));
        }

        stored.ShouldNotBeEmpty();
        return stored;
    }

    private SampleContext Context() =>
        _database.Context(options => new SampleContext(options), "sample", _efInserts, _efUpdates);

    public enum SampleKind
    {
        Open,
        PastDue,
    }

    public sealed class Sample
    {
        public string Id { get; set; } = string.Empty;

        public string? Note { get; set; }

        public SampleKind Kind { get; set; }

        public DateTimeOffset At { get; set; }

        public DateTimeOffset? Maybe { get; set; }

        public decimal Amount { get; set; }

        public int Count { get; set; }

        public long Big { get; set; }

        public bool Flag { get; set; }

        public bool Off { get; set; }

        public decimal Negative { get; set; }

        public int? Missing { get; set; }

        public short Small { get; set; }

        public Guid Token { get; set; }

        public TimeSpan Wait { get; set; }

        public List<SampleItem> Items { get; set; } = [];
    }

    public sealed class SampleItem
    {
        public int Position { get; set; }

        public decimal Quantity { get; set; }

        public DateTimeOffset? Until { get; set; }

        public double Ratio { get; set; }
    }

    /// <summary>A row of a table not marked for bulk writes.</summary>
    public sealed class Note
    {
        public string Id { get; set; } = string.Empty;

        public string Text { get; set; } = string.Empty;
    }

    /// <summary>A row with a kind of column the prepared path does not write.</summary>
    public sealed class Stamp
    {
        public string Id { get; set; } = string.Empty;

        public DateTime At { get; set; }
    }

    public sealed record AddedRowsTestEvent(Guid Id, DateTimeOffset OccurredAt, string Note) : Application.Events.IntegrationEvent(Id, OccurredAt);

    private sealed class SampleContext(DbContextOptions options) : ModuleDbContext(options)
    {
        public override string Schema => "sample";

        public DbSet<Sample> Samples => Set<Sample>();

        public DbSet<Stamp> Stamps => Set<Stamp>();

        public DbSet<Note> Notes => Set<Note>();

        protected override void ConfigureModel(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Stamp>().ToTable("stamps").HasBulkWrites();
            modelBuilder.Entity<Note>().ToTable("notes");
            modelBuilder.Entity<Sample>(sample =>
            {
                sample.ToTable("samples");
                sample.HasBulkWrites();
                sample.Property(one => one.Kind).HasConversion<string>();
                sample.OwnsMany(one => one.Items, item =>
                {
                    item.ToTable("sample_items");
                    item.WithOwner().HasForeignKey("SampleId");
                    item.HasKey("SampleId", nameof(SampleItem.Position));
                    item.Property(one => one.Position).ValueGeneratedNever();
                });
            });
        }
    }

    /// <summary>Counts the statements of one kind EF Core itself sends.</summary>
    private sealed class StatementCounter(string verb) : DbCommandInterceptor
    {
        public int Count { get; private set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Count += command.CommandText.Split(';').Count(statement => statement.TrimStart().StartsWith(verb, StringComparison.Ordinal));
            return ValueTask.FromResult(result);
        }
    }
}
