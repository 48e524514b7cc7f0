using Billing.Invoicing.Domain.Invoices;
using FluentValidation;

namespace Billing.Invoicing.Application.Invoices.AddAdjustment;

internal sealed class AddAdjustmentValidator : AbstractValidator<AddAdjustmentCommand>
{
    public AddAdjustmentValidator()
    {
        RuleFor(command => command.Amount).NotNull().NotEqual(0m).WithMessage("amount is a non-zero amount: negative for a credit, positive for a correction.")
            .InclusiveBetween(-1_000_000_000m, 1_000_000_000m);
        RuleFor(command => command.Reason).NotEmpty().MaximumLength(Invoice.MaxReasonLength);
        RuleFor(command => command.Description).MaximumLength(200);
    }
}
