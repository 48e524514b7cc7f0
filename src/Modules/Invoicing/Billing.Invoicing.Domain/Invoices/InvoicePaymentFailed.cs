using Billing.BuildingBlocks.Domain;

namespace Billing.Invoicing.Domain.Invoices;

/// <summary>
/// PAY-5: the payment provider could not collect an invoice; admins and the customer are told.
/// <c>Refines</c>: the same failure, recorded earlier without a reason, now has one (told once already).
/// </summary>
internal sealed record InvoicePaymentFailed(Invoice Invoice, string Reason, string? Message, DateTimeOffset OccurredAt, bool Refines) : IDomainEvent;
