namespace Billing.BuildingBlocks.Application.Audit;

/// <summary>
/// AUD-1: appends to the history of the module handling the current command, in its transaction.
/// When and which key are filled in from the clock and the caller; the handler says what and why.
/// </summary>
public interface IAuditTrail
{
    void Record(string entityType, string entityId, string action, IReadOnlyDictionary<string, AuditChange>? changes = null, string? reason = null);
}
