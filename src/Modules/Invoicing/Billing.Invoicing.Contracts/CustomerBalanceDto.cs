namespace Billing.Invoicing.Contracts;

/// <summary>
/// INV-16: what the customer has to its credit (positive) or owes from earlier invoices (negative),
/// in its currency, and every movement behind it, newest first. It is applied to the customer's next
/// finalized invoices as a line of their own, before tax.
/// </summary>
public sealed record CustomerBalanceDto(string CustomerId, string Currency, decimal Balance, IReadOnlyList<BalanceEntryDto> Entries);

/// <summary>One movement. <c>kind</c>: carried_forward (an invoice below zero), applied (to an invoice), reversed (its invoice was voided).</summary>
public sealed record BalanceEntryDto(string Id, string Kind, decimal Amount, string InvoiceId, string? InvoiceNumber, DateTimeOffset CreatedAt);
