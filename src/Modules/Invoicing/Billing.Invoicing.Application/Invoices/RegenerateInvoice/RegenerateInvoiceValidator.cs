using Billing.Invoicing.Domain.Invoices;
using FluentValidation;

namespace Billing.Invoicing.Application.Invoices.RegenerateInvoice;

internal sealed class RegenerateInvoiceValidator : AbstractValidator<RegenerateInvoiceCommand>
{
    public RegenerateInvoiceValidator() => RuleFor(command => command.Reason).NotEmpty().MaximumLength(Invoice.MaxReasonLength);
}
