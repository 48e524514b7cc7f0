using Ardalis.Specification;
using Billing.BuildingBlocks.Application.Paging;
using Billing.BuildingBlocks.Application.Validation;
using Billing.Customers.Domain.Customers;

namespace Billing.Customers.Application.Customers.ListCustomers;

internal sealed class CustomerListSpecification : Specification<Customer>
{
    public CustomerListSpecification(ListCustomersQuery query, NewestFirstCursor? after, int rows)
    {
        if (query.Kind is not null)
        {
            var kind = WireName.Parse<CustomerKind>(query.Kind);
            Query.Where(customer => customer.Kind == kind);
        }

        if (query.Status is not null)
        {
            var status = WireName.Parse<CustomerStatus>(query.Status);
            Query.Where(customer => customer.Status == status);
        }

        if (query.ExternalId is not null)
        {
            Query.Where(customer => customer.ExternalId == query.ExternalId);
        }

        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var term = query.Q.Trim().ToLowerInvariant();
            Query.Where(customer => customer.ExternalId.ToLower().Contains(term)
                || customer.Name.ToLower().Contains(term)
                || (customer.Email != null && customer.Email.ToLower().Contains(term)));
        }

        if (after is not null)
        {
            Query.Where(customer => customer.CreatedAt < after.CreatedAt
                || (customer.CreatedAt == after.CreatedAt && string.Compare(customer.Id, after.Id) < 0));
        }

        Query.OrderByDescending(customer => customer.CreatedAt).ThenByDescending(customer => customer.Id);
        Query.Take(rows);
    }
}
