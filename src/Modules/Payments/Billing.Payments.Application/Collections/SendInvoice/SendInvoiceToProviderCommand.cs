using Billing.BuildingBlocks.Application.Messaging;
using Billing.Payments.Contracts;

namespace Billing.Payments.Application.Collections.SendInvoice;

/// <summary>
/// PAY-4: send a finalized invoice to the provider and collect it. Scheduled invoices of linked
/// customers come here on their own (<see cref="SendScheduledInvoiceHandler"/>); manual ones only
/// when an admin charges them (<see cref="ByAdmin"/>), who is told plainly why when it cannot be done.
/// </summary>
internal sealed record SendInvoiceToProviderCommand(string InvoiceId, bool ByAdmin) : ICommand<InvoicePaymentDto>;
