using Billing.BuildingBlocks.Application.Messaging;
using Billing.BuildingBlocks.Application.Paging;
using Billing.Invoicing.Contracts;

namespace Billing.Invoicing.Application.Invoices.ListInvoices;

/// <summary>
/// INV-13, newest first. <c>customer</c>: a customer id; <c>status</c>: a status wire name;
/// <c>from</c>/<c>to</c>: the invoice date (when it was made), <c>[from, to)</c>; <c>q</c>: an
/// invoice number, or part of the customer's name or external id.
/// </summary>
internal sealed record ListInvoicesQuery(
    string? Customer, string? Status, DateTimeOffset? From, DateTimeOffset? To, string? Q, int? Limit, string? Cursor)
    : IQuery<CursorPage<InvoiceSummaryDto>>;
