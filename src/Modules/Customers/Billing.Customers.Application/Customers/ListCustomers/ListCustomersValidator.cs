using Billing.BuildingBlocks.Application.Paging;
using Billing.BuildingBlocks.Application.Validation;
using Billing.Customers.Domain.Customers;
using FluentValidation;

namespace Billing.Customers.Application.Customers.ListCustomers;

internal sealed class ListCustomersValidator : AbstractValidator<ListCustomersQuery>
{
    public ListCustomersValidator()
    {
        RuleFor(query => query.Kind).WireNameOf<ListCustomersQuery, CustomerKind>();
        RuleFor(query => query.Status).WireNameOf<ListCustomersQuery, CustomerStatus>();
        RuleFor(query => query.ExternalId).MaximumLength(Customer.MaxExternalIdLength);
        RuleFor(query => query.Q).MaximumLength(200);
        RuleFor(query => query.Limit).PageLimit();
        RuleFor(query => query.Cursor).Must(cursor => cursor is null || NewestFirstCursor.TryParse(cursor, out _))
            .WithMessage("cursor is not a cursor this API issued; pass back nextCursor unchanged.");
    }
}
