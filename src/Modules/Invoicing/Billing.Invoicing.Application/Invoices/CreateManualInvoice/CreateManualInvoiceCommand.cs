using Billing.BuildingBlocks.Application.Messaging;
using Billing.Invoicing.Contracts;

namespace Billing.Invoicing.Application.Invoices.CreateManualInvoice;

/// <summary>
/// INV-9: an admin invoices a customer's subscription for one period now: the period starting at
/// <c>periodStart</c>, or the current period so far when absent. <c>subscriptionId</c> is needed only
/// when the customer has more than one subscription. In live, <c>confirmLive: true</c> must say the
/// admin means it (ENV-3); in test it is not needed.
/// </summary>
internal sealed record CreateManualInvoiceCommand(string? CustomerId, string? SubscriptionId, DateTimeOffset? PeriodStart, string? Reason, bool? ConfirmLive = null)
    : ICommand<InvoiceDto>;
