using Billing.Invoicing.Contracts;

namespace Billing.Invoicing.Application.Invoices.Documents;

/// <summary>INV-14: an invoice, or the receipt of a paid one, as a PDF.</summary>
internal interface IInvoiceDocuments
{
    byte[] Invoice(InvoiceDto invoice);

    byte[] Receipt(InvoiceDto invoice);
}
