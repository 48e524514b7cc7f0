using Billing.BuildingBlocks.Application.Access;
using Billing.BuildingBlocks.Domain;
using Billing.BuildingBlocks.Infrastructure.Access;
using Billing.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Billing.BuildingBlocks.Tests;

/// <summary>A SQLite file of one test's own, deleted with it (its pooled connections closed first).</summary>
internal sealed class TemporaryDatabase : IDisposable
{
    public TemporaryDatabase(string name)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "billing-tests", $"{name}-{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
    }

    public string Path { get; }

    public string ConnectionString => $"Data Source={Path}";

    /// <summary><c>Billing:Database:BulkWrites</c> for the contexts made here (docs-adr/0043).</summary>
    public bool BulkWrites { get; init; } = true;

    /// <summary>A module context over this file, for a caller of the test environment.</summary>
    public TContext Context<TContext>(Func<DbContextOptions, TContext> create, string schema, params IInterceptor[] interceptors)
        where TContext : ModuleDbContext
    {
        var caller = new CallerContext();
        caller.Set(BillingEnvironment.Test, "key_1");
        var options = new DbContextOptionsBuilder<TContext>().UseBillingDatabase(new BillingDatabaseOptions(ConnectionString, BulkWrites), schema);
        if (interceptors.Length > 0)
        {
            options.AddInterceptors(interceptors);
        }

        var context = create(options.Options);
        context.Caller = caller;
        return context;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(Path);
    }
}
