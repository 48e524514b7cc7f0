using Billing.BuildingBlocks.Application.Messaging;
using Billing.Invoicing.Contracts;

namespace Billing.Invoicing.Application.Subscriptions.PreviewUpcomingInvoice;

/// <summary>INV-12: the current period's invoice so far; nothing is stored.</summary>
internal sealed record PreviewUpcomingInvoiceQuery(string SubscriptionId) : IQuery<UpcomingInvoiceDto>;
