using Billing.Invoicing.Domain.Invoices;
using FluentValidation;

namespace Billing.Invoicing.Application.Invoices.CreateManualInvoice;

internal sealed class CreateManualInvoiceValidator : AbstractValidator<CreateManualInvoiceCommand>
{
    public CreateManualInvoiceValidator()
    {
        RuleFor(command => command.CustomerId).NotEmpty().MaximumLength(40);
        RuleFor(command => command.SubscriptionId).MaximumLength(40);
        RuleFor(command => command.Reason).MaximumLength(Invoice.MaxReasonLength);
    }
}
