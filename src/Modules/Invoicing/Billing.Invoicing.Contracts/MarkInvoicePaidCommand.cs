using Billing.BuildingBlocks.Application.Messaging;

namespace Billing.Invoicing.Contracts;

/// <summary>
/// A payment settled an invoice (Payments sends it on Stripe's <c>invoice.paid</c>, PAY-6). Paying a
/// paid invoice again is a no-op, so redelivered webhooks change nothing twice.
/// </summary>
public sealed record MarkInvoicePaidCommand(string InvoiceId, DateTimeOffset PaidAt, string Reason) : ICommand<InvoiceDto>;
