using Billing.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Billing.Host.Health;

/// <summary>OPS-3: healthy when the database answers a query.</summary>
internal sealed class DatabaseHealthCheck(BillingDatabaseOptions database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = new SqliteConnection(database.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM sqlite_master";
            var tables = await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy($"database answers ({tables} schema objects)");
        }
        catch (SqliteException exception)
        {
            return HealthCheckResult.Unhealthy("database does not answer", exception);
        }
    }
}
