using Billing.BuildingBlocks.Domain;

namespace Billing.Invoicing.Domain.Invoices;

/// <summary>
/// Raised by every status change of an invoice, including its creation (<c>From</c> null). The
/// application records it in the audit history (AUD-1) and tells other modules, in the same transaction.
/// </summary>
internal sealed record InvoiceStatusChanged(
    Invoice Invoice, InvoiceStatus? From, InvoiceStatus To, string? Reason, DateTimeOffset OccurredAt) : IDomainEvent;
