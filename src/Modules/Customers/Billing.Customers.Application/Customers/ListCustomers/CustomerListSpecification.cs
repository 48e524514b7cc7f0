using Billing.BuildingBlocks.Application.Paging;
using Billing.BuildingBlocks.Application.Specifications;
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
            Where(customer => customer.Kind == kind);
        }

        if (query.Status is not null)
        {
            var status = WireName.Parse<CustomerStatus>(query.Status);
            Where(customer => customer.Status == status);
        }

        if (query.ExternalId is not null)
        {
            Where(customer => customer.ExternalId == query.ExternalId);
        }

        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var term = query.Q.Trim().ToLowerInvariant();
            Where(customer => customer.ExternalId.ToLower().Contains(term)
                || customer.Name.ToLower().Contains(term)
                || (customer.Email != null && customer.Email.ToLower().Contains(term)));
        }

        if (after is not null)
        {
            Where(customer => customer.CreatedAt < after.CreatedAt
                || (customer.CreatedAt == after.CreatedAt && string.Compare(customer.Id, after.Id) < 0));
        }

        OrderByDescending(customer => customer.CreatedAt);
        OrderByDescending(customer => customer.Id);
        Limit(rows);
    }
}
