using Billing.BuildingBlocks.Application.Validation;
using Billing.Invoicing.Domain.Periods;
using Billing.Invoicing.Domain.Plans;
using FluentValidation;

namespace Billing.Invoicing.Application.Plans.CreatePlan;

internal sealed class CreatePlanValidator : AbstractValidator<CreatePlanCommand>
{
    public CreatePlanValidator()
    {
        RuleFor(command => command.Code).NotEmpty().MaximumLength(Plan.MaxCodeLength)
            .Matches("^[A-Za-z0-9][A-Za-z0-9_.:-]*$").WithMessage("code may hold letters, digits and _ . : - only.");
        RuleFor(command => command.Name).NotEmpty().MaximumLength(Plan.MaxNameLength);
        RuleFor(command => command.Currency).NotEmpty().IsoCurrency();
        RuleFor(command => command.Interval).NotEmpty().WireNameOf<CreatePlanCommand, BillingInterval>();
        this.FeesAndCharges(command => command.FixedFees, command => command.Charges);
    }
}
