using System.Data.Common;
using Billing.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Billing.Host.Health;

/// <summary>OPS-3: healthy when the database answers a query.</summary>
internal sealed class DatabaseHealthCheck(BillingDatabaseOptions database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var objects = await database.CountSchemaObjectsAsync(cancellationToken);
            return HealthCheckResult.Healthy($"database answers ({objects} schema objects)");
        }
        catch (DbException exception)
        {
            return HealthCheckResult.Unhealthy("database does not answer", exception);
        }
    }
}
