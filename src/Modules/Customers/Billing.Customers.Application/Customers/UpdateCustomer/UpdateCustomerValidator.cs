using Billing.BuildingBlocks.Application.Validation;
using Billing.Customers.Domain.Customers;
using FluentValidation;

namespace Billing.Customers.Application.Customers.UpdateCustomer;

internal sealed class UpdateCustomerValidator : AbstractValidator<UpdateCustomerCommand>
{
    public UpdateCustomerValidator()
    {
        RuleFor(command => command.Kind).WireNameOf<UpdateCustomerCommand, CustomerKind>();
        RuleFor(command => command.Name).CustomerName().When(command => command.Name is not null);
        RuleFor(command => command.Email).CustomerEmail();
        RuleFor(command => command.TaxRate).TaxRatePercent();
        RuleFor(command => command.NotificationPreferences).NotificationChannels();
        RuleFor(command => command.StripeCustomerId).StripeCustomerId().When(command => command.StripeCustomerId != string.Empty);
    }
}
