using Billing.BuildingBlocks.Application.Messaging;

namespace Billing.Invoicing.Contracts;

/// <summary>
/// PAY-5: the payment provider could not collect the invoice (<c>reason</c> such as
/// <c>requires_payment_method</c>). The invoice stays owed, records the reason and notifies admins
/// and the customer; the same reason reported again changes nothing. <c>payment_failed</c> means
/// "no reason given": a later report with the reason refines it without telling anyone twice.
/// </summary>
public sealed record RecordInvoicePaymentFailureCommand(string InvoiceId, string Reason, string? Message, DateTimeOffset FailedAt) : ICommand<InvoiceDto>;

/// <summary>
/// PAY-6: the provider voided the invoice or wrote it off (<c>status</c> <c>void</c> or
/// <c>uncollectible</c>). Already there: nothing changes. A move the status machine refuses (a paid
/// invoice voided in Stripe) is not applied; the answer shows the invoice as it is.
/// </summary>
public sealed record ApplyProviderInvoiceStatusCommand(string InvoiceId, string Status, string Reason) : ICommand<InvoiceDto>;
