namespace Billing.BuildingBlocks.Application.Audit;

/// <summary>One field's value before and after a change, as it would be shown to a reader.</summary>
public sealed record AuditChange(object? From, object? To);
