using Microsoft.Data.Sqlite;

namespace Billing.BuildingBlocks.Infrastructure.Persistence;

/// <summary>Where the one database of the product is: <c>ConnectionStrings:Billing</c> (OPS-5).</summary>
public sealed class BillingDatabaseOptions
{
    public const string DefaultConnectionString = "Data Source=data/billing.db";

    public BillingDatabaseOptions(string? configured)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? DefaultConnectionString : configured)
        {
            Pooling = true,
        };
        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (builder.Mode != SqliteOpenMode.Memory && !string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        ConnectionString = builder.ToString();
        DataDirectory = directory ?? ".";
    }

    public string ConnectionString { get; }

    /// <summary>The folder the database lives in, where files that belong beside it go by default (the key ring).</summary>
    public string DataDirectory { get; }
}
