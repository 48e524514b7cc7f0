namespace Billing.BuildingBlocks.Infrastructure.Persistence;

/// <summary><c>Billing:Database:Provider</c> (OPS-5, docs-adr/0044): the embedded file by default, or a PostgreSQL server.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public static class DatabaseProviders
{
    public const string Setting = "Billing:Database:Provider";

    /// <summary>The setting's value, <c>sqlite</c> when absent; any other word stops the start with what it may be.</summary>
    public static DatabaseProvider Parse(string? configured) => configured?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => DatabaseProvider.Sqlite,
        "postgres" or "postgresql" => DatabaseProvider.Postgres,
        _ => throw new InvalidOperationException($"{Setting} is '{configured}'; it must be 'sqlite' (the default) or 'postgres'."),
    };
}
