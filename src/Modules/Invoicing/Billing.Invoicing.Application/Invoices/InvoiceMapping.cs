using Billing.BuildingBlocks.Application.Validation;
using Billing.Invoicing.Contracts;
using Billing.Invoicing.Domain.Invoices;

namespace Billing.Invoicing.Application.Invoices;

/// <summary>Explicit conversions from the invoice domain to its wire shapes.</summary>
internal static class InvoiceMapping
{
    public const string AuditEntityType = "invoice";

    public static InvoiceDto ToDto(this Invoice invoice) => new(
        invoice.Id,
        invoice.Number,
        WireName.Of(invoice.Kind),
        WireName.Of(invoice.Status),
        invoice.CustomerId,
        invoice.CustomerName,
        invoice.CustomerExternalId,
        invoice.SubscriptionId,
        invoice.PlanCode,
        invoice.PlanVersion,
        invoice.Currency.Code,
        invoice.PeriodStart,
        invoice.PeriodEnd,
        invoice.UsageEnd,
        WireName.Of(invoice.CollectionMethod),
        invoice.CreatedAt,
        invoice.Status == InvoiceStatus.Draft ? invoice.FinalizesAt : null,
        invoice.IssuedAt,
        invoice.DueDate,
        invoice.PaidAt,
        invoice.VoidedAt,
        invoice.StatusReason,
        invoice.ReplacesInvoiceId,
        invoice.ReplacedByInvoiceId,
        invoice.PaymentFailure,
        invoice.PaymentFailedAt,
        invoice.Lines.Select(line => new InvoiceLineDto(
            WireName.Of(line.Kind), line.Code, line.Description, line.Quantity, line.Amount, line.Computation, line.ServiceStart, line.ServiceEnd, line.Reason)).ToList(),
        invoice.Subtotal,
        invoice.Tax,
        invoice.Total);
}
