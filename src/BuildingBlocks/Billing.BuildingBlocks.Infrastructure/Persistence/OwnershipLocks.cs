using Billing.BuildingBlocks.Domain;
using Billing.BuildingBlocks.Infrastructure.Persistence.Postgres;

namespace Billing.BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// MET-3, MET-5 (docs-adr/0032, 0048): who owns an external id must not change between the moment
/// usage ingestion asks and the moment its events commit. On SQLite the file's write lock, held by
/// the ingesting transaction, already orders the two. On PostgreSQL a deletion holds the external
/// id's lock exclusively until it commits, and ingestion holds it shared from before it asks until
/// its events commit; the lock is an advisory transaction lock keyed by <see cref="KeyOf"/>.
/// </summary>
public static class OwnershipLocks
{
    public static string KeyOf(BillingEnvironment environment, string externalId) => $"customer-owner:{environment.ToWireName()}:{externalId}";

    /// <summary>Inside the unit of work that changes who owns <paramref name="externalId"/> (a deletion): held until it commits.</summary>
    public static Task HoldForChangeAsync(ModuleDbContext context, string externalId, CancellationToken cancellationToken) =>
        BillingDatabase.IsPostgres(context.Database)
            ? PostgresAdvisoryLock.HoldUntilCommitAsync(context, KeyOf(BillingEnvironments.Parse(context.CurrentEnvironment), externalId), cancellationToken)
            : Task.CompletedTask;
}
