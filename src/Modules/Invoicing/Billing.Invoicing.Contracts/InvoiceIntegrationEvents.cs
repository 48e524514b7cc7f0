using Billing.BuildingBlocks.Application.Events;

namespace Billing.Invoicing.Contracts;

/// <summary>An invoice was finalized: it has a number and is due (INV-7). Payments sends scheduled ones to the provider (PAY-4).</summary>
public sealed record InvoiceFinalizedIntegrationEvent(
    Guid Id, DateTimeOffset OccurredAt, string InvoiceId, string Number, string Kind, string CustomerId, string Currency, decimal Total, DateTimeOffset? DueDate)
    : IntegrationEvent(Id, OccurredAt);

/// <summary>An invoice was voided, with the admin's reason (INV-10).</summary>
public sealed record InvoiceVoidedIntegrationEvent(Guid Id, DateTimeOffset OccurredAt, string InvoiceId, string? Number, string Reason)
    : IntegrationEvent(Id, OccurredAt);

/// <summary>An invoice was voided and replaced by a new one for the same period (INV-10).</summary>
public sealed record InvoiceRegeneratedIntegrationEvent(Guid Id, DateTimeOffset OccurredAt, string VoidedInvoiceId, string NewInvoiceId)
    : IntegrationEvent(Id, OccurredAt);

/// <summary>An open invoice's due date passed unpaid (INV-11).</summary>
public sealed record InvoicePastDueIntegrationEvent(Guid Id, DateTimeOffset OccurredAt, string InvoiceId, string Number, string CustomerId, decimal Total, string Currency)
    : IntegrationEvent(Id, OccurredAt);

/// <summary>An invoice was written off as uncollectible, with the reason.</summary>
public sealed record InvoiceMarkedUncollectibleIntegrationEvent(Guid Id, DateTimeOffset OccurredAt, string InvoiceId, string Number, string Reason)
    : IntegrationEvent(Id, OccurredAt);
