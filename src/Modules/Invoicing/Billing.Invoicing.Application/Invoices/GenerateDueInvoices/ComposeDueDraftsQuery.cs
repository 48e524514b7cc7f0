using Billing.BuildingBlocks.Application.Messaging;
using Billing.Invoicing.Application.Invoices.Composing;

namespace Billing.Invoicing.Application.Invoices.GenerateDueInvoices;

/// <summary>
/// INV-2, P5: the drafts these subscriptions' due periods would get, composed from committed data
/// without a transaction, so the cycle composes one batch while the one before it is written
/// (docs-adr/0027). Nothing is written; <see cref="GenerateDueInvoicesCommand"/> decides.
/// </summary>
internal sealed record ComposeDueDraftsQuery(IReadOnlyList<string> SubscriptionIds) : IQuery<ComposedAhead>;
