using Billing.BuildingBlocks.Application.Validation;
using Billing.Invoicing.Domain.Subscriptions;
using FluentValidation;

namespace Billing.Invoicing.Application.Subscriptions.ChangePlan;

internal sealed class ChangePlanValidator : AbstractValidator<ChangePlanCommand>
{
    public ChangePlanValidator()
    {
        RuleFor(command => command.PlanCode).NotEmpty();
        RuleFor(command => command.At).NotEmpty().WireNameOf<ChangePlanCommand, PlanChangeTiming>();
        RuleFor(command => command.Proration).WireNameOf<ChangePlanCommand, ProrationBehavior>();
    }
}
