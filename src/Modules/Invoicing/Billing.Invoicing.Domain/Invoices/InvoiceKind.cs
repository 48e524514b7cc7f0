namespace Billing.Invoicing.Domain.Invoices;

/// <summary>How an invoice came to be: at the end of a subscription cycle (INV-2) or by an admin (INV-9).</summary>
internal enum InvoiceKind
{
    Scheduled,
    Manual,
}
