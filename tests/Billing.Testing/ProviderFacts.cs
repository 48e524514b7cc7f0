namespace Billing.Testing;

/// <summary>A test of the SQLite adapter itself (its file, its pragmas, its query plans): skipped on the PostgreSQL pass.</summary>
public sealed class SqliteOnlyFactAttribute : FactAttribute
{
    public SqliteOnlyFactAttribute()
    {
        if (TestDatabases.OnPostgres)
        {
            Skip = "reads the SQLite adapter's own storage; the PostgreSQL pass covers the behaviour through its own tests";
        }
    }
}

/// <summary>The theory form of <see cref="SqliteOnlyFactAttribute"/>.</summary>
public sealed class SqliteOnlyTheoryAttribute : TheoryAttribute
{
    public SqliteOnlyTheoryAttribute()
    {
        if (TestDatabases.OnPostgres)
        {
            Skip = "reads the SQLite adapter's own storage; the PostgreSQL pass covers the behaviour through its own tests";
        }
    }
}

/// <summary>A test of what only the PostgreSQL provider has (its adapter, several instances on one server): skipped on the SQLite pass.</summary>
public sealed class PostgresOnlyFactAttribute : FactAttribute
{
    public PostgresOnlyFactAttribute()
    {
        if (!TestDatabases.OnPostgres)
        {
            Skip = "tests what only the PostgreSQL provider has (its storage, its locks, several host processes on one server); runs on the PostgreSQL pass";
        }
    }
}

/// <summary>The theory form of <see cref="PostgresOnlyFactAttribute"/>.</summary>
public sealed class PostgresOnlyTheoryAttribute : TheoryAttribute
{
    public PostgresOnlyTheoryAttribute()
    {
        if (!TestDatabases.OnPostgres)
        {
            Skip = "tests what only the PostgreSQL provider has (its storage, its locks, several host processes on one server); runs on the PostgreSQL pass";
        }
    }
}
