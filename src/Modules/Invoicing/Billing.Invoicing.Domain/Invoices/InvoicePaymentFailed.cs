using Billing.BuildingBlocks.Domain;

namespace Billing.Invoicing.Domain.Invoices;

/// <summary>PAY-5: the payment provider could not collect an invoice; admins and the customer are told.</summary>
internal sealed record InvoicePaymentFailed(Invoice Invoice, string Reason, string? Message, DateTimeOffset OccurredAt) : IDomainEvent;
