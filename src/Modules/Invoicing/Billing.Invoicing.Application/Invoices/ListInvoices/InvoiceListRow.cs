using Billing.BuildingBlocks.Application.Validation;
using Billing.BuildingBlocks.Domain.Monetary;
using Billing.Invoicing.Contracts;
using Billing.Invoicing.Domain.Invoices;

namespace Billing.Invoicing.Application.Invoices.ListInvoices;

/// <summary>The columns a list or an export reads: an invoice without its lines.</summary>
internal sealed record InvoiceListRow(
    string Id,
    string? Number,
    InvoiceKind Kind,
    InvoiceStatus Status,
    string CustomerId,
    string CustomerName,
    Currency Currency,
    DateTimeOffset PeriodStart,
    DateTimeOffset PeriodEnd,
    DateTimeOffset CreatedAt,
    DateTimeOffset? IssuedAt,
    DateTimeOffset? DueDate,
    decimal Total)
{
    public InvoiceSummaryDto ToDto() => new(
        Id, Number, WireName.Of(Kind), WireName.Of(Status), CustomerId, CustomerName, Currency.Code, PeriodStart, PeriodEnd, CreatedAt, IssuedAt, DueDate, Total);
}
