using Billing.BuildingBlocks.Application.Events;

namespace Billing.Payments.Application.Collections.ReportToInvoicing;

/// <summary>
/// Payments' own outbox message: a provider-side change Invoicing must follow. Queued in the
/// transaction that recorded the change and applied after commit, so a crash in between neither
/// loses it nor applies it twice (Invoicing's commands are idempotent). Internal: no other module listens.
/// </summary>
internal sealed record ProviderInvoiceChangedIntegrationEvent(
    Guid Id, DateTimeOffset OccurredAt, string InvoiceId, string Status, string? Reason, string? Message)
    : IntegrationEvent(Id, OccurredAt);
