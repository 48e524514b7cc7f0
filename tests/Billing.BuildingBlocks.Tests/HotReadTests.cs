using System.Text;
using Billing.BuildingBlocks.Infrastructure.Persistence;
using Billing.BuildingBlocks.Infrastructure.Persistence.Sqlite;

namespace Billing.BuildingBlocks.Tests;

/// <summary>docs-adr/0025: what a hot read is built from: kept connections, statements prepared once, columns read in place.</summary>
public sealed class HotReadTests : IDisposable
{
    private readonly TemporaryDatabase _file = new("hot-read");
    private readonly BillingDatabaseOptions _database;

    public HotReadTests()
    {
        _database = new BillingDatabaseOptions(_file.ConnectionString);
        using var connection = _database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode=WAL;
            CREATE TABLE things (id TEXT PRIMARY KEY, note TEXT NULL, kind TEXT NOT NULL, at TEXT NOT NULL);
            INSERT INTO things VALUES ('a', 'first', 'PastDue', '2026-05-01T04:30:00.0000000Z'), ('b', NULL, 'Open', '2028-02-29T23:59:59.9999999Z');
            """;
        command.ExecuteNonQuery();
    }

    public void Dispose() => _file.Dispose();

    [Fact]
    public void A_statement_reads_rows_in_place_binds_by_name_and_after_a_reset_runs_again_with_new_values()
    {
        using var connections = new ReadConnections(_database);
        using var connection = connections.Rent();
        var statement = connection.Statement("SELECT id, note, kind, at FROM things WHERE id >= $from ORDER BY id");

        statement.Bind("$from", "a");
        statement.Read().ShouldBeTrue();
        (statement.Text(0), statement.Text(1), StoredName<Status>.Parse(statement.Utf8(2))).ShouldBe(("a", "first", Status.PastDue));
        UtcInstantToTextConverter.FromText(statement.Utf8(3)).ShouldBe(new DateTimeOffset(2026, 4, 30, 21, 30, 0, TimeSpan.FromHours(-7)));
        statement.Read().ShouldBeTrue();
        (statement.IsNull(1), statement.Text(1)).ShouldBe((true, null));
        UtcInstantToTextConverter.FromText(statement.Utf8(3)).ShouldBe(new DateTimeOffset(2028, 2, 29, 23, 59, 59, TimeSpan.Zero).AddTicks(9_999_999));
        statement.Read().ShouldBeFalse();
        statement.Reset();

        statement.Bind("$from", "b");
        statement.Read().ShouldBeTrue();
        statement.Text(0).ShouldBe("b");
        statement.Reset();

        Should.Throw<ArgumentException>(() => statement.Bind("$missing", "x")).Message.ShouldContain("$missing");
    }

    [Fact]
    public void A_connection_given_back_is_lent_again_with_its_statements_and_a_burst_keeps_only_a_few()
    {
        using var connections = new ReadConnections(_database);
        PreparedStatement first;
        using (var connection = connections.Rent())
        {
            first = connection.Statement("SELECT COUNT(*) FROM things");
        }

        using (var again = connections.Rent())
        {
            again.Statement("SELECT COUNT(*) FROM things").ShouldBeSameAs(first);
            again.Statement("SELECT COUNT(*) FROM things").FirstText().ShouldBe("2");
        }

        var burst = Enumerable.Range(0, ReadConnections.KeptIdle + 4).Select(_ => connections.Rent()).ToList();
        var statements = burst.Select(connection => connection.Statement("SELECT COUNT(*) FROM things")).ToList();
        statements.Distinct().Count().ShouldBe(burst.Count);
        burst.ForEach(connection => connection.Dispose());

        var kept = Enumerable.Range(0, ReadConnections.KeptIdle + 4).Select(_ => connections.Rent()).ToList();
        kept.Select(connection => connection.Statement("SELECT COUNT(*) FROM things")).Count(statements.Contains).ShouldBe(ReadConnections.KeptIdle);
        kept.ForEach(connection => connection.Dispose());
    }

    [Fact]
    public void A_read_sees_what_was_committed_after_its_connection_was_kept()
    {
        using var connections = new ReadConnections(_database);
        using (var connection = connections.Rent())
        {
            connection.Statement("SELECT COUNT(*) FROM things").FirstText().ShouldBe("2");
        }

        using (var writer = _database.OpenConnection())
        using (var insert = writer.CreateCommand())
        {
            insert.CommandText = "INSERT INTO things VALUES ('c', NULL, 'Open', '2026-01-01T00:00:00.0000000Z')";
            insert.ExecuteNonQuery();
        }

        using var kept = connections.Rent();
        kept.Statement("SELECT COUNT(*) FROM things").FirstText().ShouldBe("3");
    }

    [Theory]
    [InlineData("2026-05-01T04:30:00.0000000Z")]
    [InlineData("0001-01-01T00:00:00.0000000Z")]
    [InlineData("9999-12-31T23:59:59.9999999Z")]
    public void An_instant_in_the_stored_form_reads_back_exactly_from_text_or_bytes(string text)
    {
        var expected = DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime();

        UtcInstantToTextConverter.FromText(text).ShouldBe(expected);
        UtcInstantToTextConverter.FromText(Encoding.UTF8.GetBytes(text)).ShouldBe(expected);
        UtcInstantToTextConverter.FromText(text).Offset.ShouldBe(TimeSpan.Zero);
    }

    [Theory]
    [InlineData("2026-02-29T00:00:00.0000000Z")]
    [InlineData("2026-13-01T00:00:00.0000000Z")]
    [InlineData("2026-05-01T24:00:00.0000000Z")]
    [InlineData("2026-05-01 04:30:00.0000000Z")]
    [InlineData("2026-05-0AT04:30:00.0000000Z")]
    [InlineData("2026-05-01T04:30:00Z")]
    [InlineData("yesterday")]
    public void Text_that_is_not_a_stored_instant_is_refused_as_ParseExact_refuses_it(string text)
    {
        Should.Throw<FormatException>(() => UtcInstantToTextConverter.FromText(text));
        Should.Throw<FormatException>(() => UtcInstantToTextConverter.FromText(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void A_stored_name_that_is_not_a_member_names_itself()
    {
        Should.Throw<FormatException>(() => StoredName<Status>.Parse("pastdue"u8)).Message.ShouldContain("'pastdue' is not a stored Status");
    }

    public enum Status
    {
        Open,
        PastDue,
    }
}
