using FluentValidation;

namespace Billing.Invoicing.Application.Plans.AddPlanVersion;

internal sealed class AddPlanVersionValidator : AbstractValidator<AddPlanVersionCommand>
{
    public AddPlanVersionValidator() => this.FeesAndCharges(command => command.FixedFees, command => command.Charges);
}
