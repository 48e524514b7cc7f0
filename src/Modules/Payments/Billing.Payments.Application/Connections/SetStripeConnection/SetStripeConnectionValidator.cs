using Billing.BuildingBlocks.Application.Access;
using Billing.Payments.Domain.Connections;
using FluentValidation;

namespace Billing.Payments.Application.Connections.SetStripeConnection;

internal sealed class SetStripeConnectionValidator : AbstractValidator<SetStripeConnectionCommand>
{
    public SetStripeConnectionValidator(ICallerContext caller)
    {
        RuleFor(command => command.SecretKey)
            .NotEmpty()
            .MaximumLength(255)
            .Must(key => key is null || StripeKeys.Fits(caller.Environment, key))
            .WithMessage(_ => $"The {caller.Environment.ToString().ToLowerInvariant()} environment takes a {StripeKeys.RequiredPrefix(caller.Environment)} key; live and test never mix (PAY-1).");
        RuleFor(command => command.WebhookSecret)
            .NotEmpty()
            .MaximumLength(255)
            .Must(secret => secret is null || secret.StartsWith("whsec_", StringComparison.Ordinal))
            .WithMessage("A Stripe webhook signing secret starts with whsec_.");
    }
}
