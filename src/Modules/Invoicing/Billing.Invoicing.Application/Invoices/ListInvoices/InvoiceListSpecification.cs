using Billing.BuildingBlocks.Application.Paging;
using Billing.BuildingBlocks.Application.Specifications;
using Billing.BuildingBlocks.Application.Validation;
using Billing.Invoicing.Domain.Invoices;

namespace Billing.Invoicing.Application.Invoices.ListInvoices;

/// <summary>The filters of the list and of the CSV export, newest first; <c>rows</c> null for all.</summary>
internal sealed class InvoiceListSpecification : Specification<Invoice>
{
    public InvoiceListSpecification(ListInvoicesQuery query, NewestFirstCursor? after, int? rows)
    {
        if (query.Customer is not null)
        {
            Where(invoice => invoice.CustomerId == query.Customer);
        }

        if (query.Status is not null)
        {
            var status = WireName.Parse<InvoiceStatus>(query.Status);
            Where(invoice => invoice.Status == status);
        }

        if (query.From is { } from)
        {
            var utc = from.ToUniversalTime();
            Where(invoice => invoice.CreatedAt >= utc);
        }

        if (query.To is { } to)
        {
            var utc = to.ToUniversalTime();
            Where(invoice => invoice.CreatedAt < utc);
        }

        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var term = query.Q.Trim().ToLowerInvariant();
            var number = term.ToUpperInvariant();
            Where(invoice => invoice.Number == number
                || invoice.CustomerId == query.Q.Trim()
                || invoice.CustomerName.ToLower().Contains(term)
                || invoice.CustomerExternalId.ToLower().Contains(term));
        }

        if (after is not null)
        {
            Where(invoice => invoice.CreatedAt < after.CreatedAt
                || (invoice.CreatedAt == after.CreatedAt && string.Compare(invoice.Id, after.Id) < 0));
        }

        OrderByDescending(invoice => invoice.CreatedAt);
        OrderByDescending(invoice => invoice.Id);
        if (rows is { } limit)
        {
            Limit(limit);
        }
    }
}
