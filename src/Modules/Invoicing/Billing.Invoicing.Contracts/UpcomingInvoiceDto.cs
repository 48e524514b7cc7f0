namespace Billing.Invoicing.Contracts;

/// <summary>INV-12: the invoice of the current period so far, rated exactly as the real one will be; not stored.</summary>
public sealed record UpcomingInvoiceDto(
    string SubscriptionId,
    string CustomerId,
    string PlanCode,
    int PlanVersion,
    string Currency,
    DateTimeOffset PeriodStart,
    DateTimeOffset PeriodEnd,
    IReadOnlyList<InvoiceLineDto> Lines,
    decimal Subtotal,
    decimal Tax,
    decimal Total);

/// <summary>
/// One line: <c>kind</c> fixed_fee, usage, late_usage, minimum_commitment, adjustment, balance or tax;
/// <c>computation</c> says how the amount was reached, step by step. <c>periodStart</c>/<c>periodEnd</c>
/// name the period the line bills (an earlier one for late usage, INV-5); <c>reason</c> is an
/// adjustment's reason.
/// </summary>
public sealed record InvoiceLineDto(
    string Kind,
    string Code,
    string Description,
    decimal Quantity,
    decimal Amount,
    IReadOnlyList<string> Computation,
    DateTimeOffset PeriodStart,
    DateTimeOffset PeriodEnd,
    string? Reason = null);
