namespace Billing.BuildingBlocks.Application.Audit;

/// <summary>One line of an entity's history as the API shows it.</summary>
public sealed record AuditEntryDto(
    string Id,
    DateTimeOffset OccurredAt,
    string Actor,
    string EntityType,
    string EntityId,
    string Action,
    IReadOnlyDictionary<string, AuditChange> Changes,
    string? Reason);
