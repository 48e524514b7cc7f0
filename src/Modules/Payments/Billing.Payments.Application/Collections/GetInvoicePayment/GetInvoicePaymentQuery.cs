using Billing.BuildingBlocks.Application.Messaging;
using Billing.Payments.Contracts;

namespace Billing.Payments.Application.Collections.GetInvoicePayment;

/// <summary>Where an invoice stands at the payment provider; <c>not_sent</c> for an invoice never sent.</summary>
internal sealed record GetInvoicePaymentQuery(string InvoiceId) : IQuery<InvoicePaymentDto>;
