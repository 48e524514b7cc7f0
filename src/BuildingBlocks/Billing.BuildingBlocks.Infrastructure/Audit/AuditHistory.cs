using Billing.BuildingBlocks.Application.Audit;
using Billing.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Billing.BuildingBlocks.Infrastructure.Audit;

public static class AuditHistory
{
    /// <summary>An entity's history, oldest first, in the caller's environment.</summary>
    public static async Task<IReadOnlyList<AuditEntryDto>> ReadAuditHistoryAsync(
        this ModuleDbContext context, string entityType, string entityId, CancellationToken cancellationToken)
    {
        var entries = await context.AuditEntries
            .AsNoTracking()
            .Where(entry => entry.EntityType == entityType && entry.EntityId == entityId)
            .OrderBy(entry => entry.Sequence)
            .ToListAsync(cancellationToken);
        return entries.Select(entry => entry.ToDto()).ToList();
    }
}
