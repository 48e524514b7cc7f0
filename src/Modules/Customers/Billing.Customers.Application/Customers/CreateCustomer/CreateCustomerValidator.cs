using Billing.BuildingBlocks.Application.Validation;
using Billing.Customers.Domain.Customers;
using FluentValidation;

namespace Billing.Customers.Application.Customers.CreateCustomer;

internal sealed class CreateCustomerValidator : AbstractValidator<CreateCustomerCommand>
{
    public CreateCustomerValidator()
    {
        RuleFor(command => command.ExternalId)
            .NotEmpty()
            .MaximumLength(Customer.MaxExternalIdLength)
            .Must(id => id is null || (id.Trim() == id && !id.Any(char.IsControl)))
            .WithMessage("externalId must not start or end with white space or hold control characters.");
        RuleFor(command => command.Kind).NotEmpty().WireNameOf<CreateCustomerCommand, CustomerKind>();
        RuleFor(command => command.Name).CustomerName();
        RuleFor(command => command.Email).CustomerEmail();
        RuleFor(command => command.Currency).NotEmpty().IsoCurrency();
        RuleFor(command => command.TaxRate).TaxRatePercent();
        RuleFor(command => command.NotificationPreferences).NotificationChannels();
        RuleFor(command => command.StripeCustomerId).StripeCustomerId()
            .Null().When(command => command.CreateInStripe, ApplyConditionTo.CurrentValidator)
            .WithMessage("Pass stripeCustomerId to link an existing Stripe customer or ?stripe=true to make one, not both.");
    }
}
