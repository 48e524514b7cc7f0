using Billing.Invoicing.Domain.Invoices;
using FluentValidation;

namespace Billing.Invoicing.Application.Invoices.VoidInvoice;

internal sealed class VoidInvoiceValidator : AbstractValidator<VoidInvoiceCommand>
{
    public VoidInvoiceValidator() => RuleFor(command => command.Reason).NotEmpty().MaximumLength(Invoice.MaxReasonLength);
}
