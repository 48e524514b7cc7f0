using Billing.BuildingBlocks.Application.Access;
using Billing.BuildingBlocks.Application.Audit;
using Billing.BuildingBlocks.Infrastructure.Persistence;

namespace Billing.BuildingBlocks.Infrastructure.Audit;

/// <summary>Appends audit entries to the audit log of the unit of work now running.</summary>
internal sealed class AuditTrail(ActiveUnitsOfWork active, ICallerContext caller, TimeProvider clock) : IAuditTrail
{
    public void Record(string entityType, string entityId, string action, IReadOnlyDictionary<string, AuditChange>? changes = null, string? reason = null) =>
        active.Current("record an audit entry").AddAuditEntry(
            AuditEntry.Create(clock.GetUtcNow(), caller.Actor, entityType, entityId, action, changes, reason));
}
