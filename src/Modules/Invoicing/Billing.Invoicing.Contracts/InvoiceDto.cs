namespace Billing.Invoicing.Contracts;

/// <summary>
/// An invoice with its lines. <c>status</c>: draft, open, paid, past_due, uncollectible or void;
/// <c>kind</c>: scheduled or manual. <c>number</c> is null while a draft (INV-7). A regeneration
/// links both ways through <c>replacesInvoiceId</c> / <c>replacedByInvoiceId</c> (INV-10).
/// <c>paymentFailure</c> is why the payment provider could not collect it (PAY-5), until it is paid.
/// </summary>
public sealed record InvoiceDto(
    string Id,
    string? Number,
    string Kind,
    string Status,
    string CustomerId,
    string CustomerName,
    string CustomerExternalId,
    string SubscriptionId,
    string PlanCode,
    int PlanVersion,
    string Currency,
    DateTimeOffset PeriodStart,
    DateTimeOffset PeriodEnd,
    DateTimeOffset UsageEnd,
    string CollectionMethod,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinalizesAt,
    DateTimeOffset? IssuedAt,
    DateTimeOffset? DueDate,
    DateTimeOffset? PaidAt,
    DateTimeOffset? VoidedAt,
    string? StatusReason,
    string? ReplacesInvoiceId,
    string? ReplacedByInvoiceId,
    string? PaymentFailure,
    DateTimeOffset? PaymentFailedAt,
    IReadOnlyList<InvoiceLineDto> Lines,
    decimal Subtotal,
    decimal Tax,
    decimal Total);

/// <summary>One row of the invoice list (INV-13): the billable entity, kind, issue date, total and status.</summary>
public sealed record InvoiceSummaryDto(
    string Id,
    string? Number,
    string Kind,
    string Status,
    string CustomerId,
    string CustomerName,
    string Currency,
    DateTimeOffset PeriodStart,
    DateTimeOffset PeriodEnd,
    DateTimeOffset CreatedAt,
    DateTimeOffset? IssuedAt,
    DateTimeOffset? DueDate,
    decimal Total);
