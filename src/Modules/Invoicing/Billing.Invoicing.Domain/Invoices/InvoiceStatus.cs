namespace Billing.Invoicing.Domain.Invoices;

/// <summary>INV-8: where an invoice is in its life. Wire names are snake_case (<c>past_due</c>).</summary>
internal enum InvoiceStatus
{
    Draft,
    Open,
    Paid,
    PastDue,
    Uncollectible,
    Void,
}
