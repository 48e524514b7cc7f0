using Billing.Invoicing.Domain.Plans;
using FluentValidation;

namespace Billing.Invoicing.Application.Plans.AddPlanVersion;

internal sealed class AddPlanVersionValidator : AbstractValidator<AddPlanVersionCommand>
{
    public AddPlanVersionValidator()
    {
        this.FeesAndCharges(command => command.FixedFees, command => command.Charges);
        RuleFor(command => command.Reason).MaximumLength(PlanVersion.MaxReasonLength);
        When(command => command.Correction == true, () =>
        {
            RuleFor(command => command.EffectiveFrom).NotNull().WithMessage("A correction names the past instant its prices take effect from.");
            RuleFor(command => command.Reason).NotEmpty().WithMessage("A correction needs a reason (PLN-7).");
        });
    }
}
