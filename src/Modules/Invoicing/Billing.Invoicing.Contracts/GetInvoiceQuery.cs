using Billing.BuildingBlocks.Application.Messaging;

namespace Billing.Invoicing.Contracts;

/// <summary>INV-13: an invoice of the caller's environment with its lines; not found is an error. Payments reads what it sends (PAY-4).</summary>
public sealed record GetInvoiceQuery(string InvoiceId) : IQuery<InvoiceDto>;
