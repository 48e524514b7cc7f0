using Billing.BuildingBlocks.Application.Validation;
using Billing.Invoicing.Domain.Subscriptions;
using FluentValidation;

namespace Billing.Invoicing.Application.Subscriptions.CreateSubscription;

internal sealed class CreateSubscriptionValidator : AbstractValidator<CreateSubscriptionCommand>
{
    public CreateSubscriptionValidator()
    {
        RuleFor(command => command.CustomerId).NotEmpty();
        RuleFor(command => command.PlanCode).NotEmpty();
        RuleFor(command => command.AnchorDay).InclusiveBetween(1, 31);
        RuleFor(command => command.CollectionMethod).NotEmpty().WireNameOf<CreateSubscriptionCommand, CollectionMethod>();
        RuleFor(command => command.NetTermsDays).InclusiveBetween(0, Subscription.MaxNetTermsDays);
        RuleFor(command => command.TrialDays).InclusiveBetween(0, Subscription.MaxTrialDays);
    }
}
