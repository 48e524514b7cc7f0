using Billing.BuildingBlocks.Application.Paging;
using Billing.BuildingBlocks.Application.Validation;
using Billing.Invoicing.Domain.Invoices;
using FluentValidation;

namespace Billing.Invoicing.Application.Invoices.ListInvoices;

internal sealed class ListInvoicesValidator : AbstractValidator<ListInvoicesQuery>
{
    public ListInvoicesValidator()
    {
        RuleFor(query => query.Customer).MaximumLength(40);
        RuleFor(query => query.Status).WireNameOf<ListInvoicesQuery, InvoiceStatus>();
        RuleFor(query => query.Q).MaximumLength(200);
        RuleFor(query => query.Limit).PageLimit();
        RuleFor(query => query.To).GreaterThan(query => query.From).When(query => query.From is not null && query.To is not null)
            .WithMessage("to must be after from: the range is [from, to).");
        RuleFor(query => query.Cursor).Must(cursor => cursor is null || NewestFirstCursor.TryParse(cursor, out _))
            .WithMessage("cursor is not a cursor this API issued; pass back nextCursor unchanged.");
    }
}
