namespace Billing.Invoicing.Contracts;

/// <summary>INV-14: an invoice's or a receipt's PDF, and the file name it is served under.</summary>
public sealed record InvoiceDocumentDto(string FileName, byte[] Content);
