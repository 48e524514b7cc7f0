using Billing.BuildingBlocks.Application.Validation;
using Billing.Invoicing.Domain.Subscriptions;
using FluentValidation;

namespace Billing.Invoicing.Application.Subscriptions.CancelSubscription;

internal sealed class CancelSubscriptionValidator : AbstractValidator<CancelSubscriptionCommand>
{
    public CancelSubscriptionValidator()
    {
        RuleFor(command => command.At).NotEmpty().WireNameOf<CancelSubscriptionCommand, CancellationTiming>();
        RuleFor(command => command.Reason).NotEmpty().MaximumLength(Subscription.MaxReasonLength);
    }
}
