using Billing.BuildingBlocks.Infrastructure.Persistence.Postgres;
using Billing.BuildingBlocks.Infrastructure.Persistence.Sqlite;

namespace Billing.BuildingBlocks.Infrastructure.Persistence;

/// <summary>Where the one database of the product is: <c>Billing:Database:Provider</c> and <c>ConnectionStrings:Billing</c> (OPS-5).</summary>
public sealed class BillingDatabaseOptions
{
    public const string DefaultConnectionString = "Data Source=data/billing.db";

    public BillingDatabaseOptions(string? configured, bool bulkWrites = true, DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        Provider = provider;
        (ConnectionString, DataDirectory) = provider == DatabaseProvider.Postgres
            ? PostgresDatabase.Normalize(configured)
            : SqliteDatabase.Normalize(configured);
        BulkWrites = bulkWrites;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>The folder the database lives in, where files that belong beside it go by default (the key ring's files, before import).</summary>
    public string DataDirectory { get; }

    /// <summary><c>Billing:Database:BulkWrites</c> (default on): tables marked <see cref="Persistence.BulkWrites"/> are written the provider's faster way (docs-adr/0043).</summary>
    public bool BulkWrites { get; }
}
