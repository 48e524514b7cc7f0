using FluentValidation;

namespace Billing.Payments.Application.Customers.StartPaymentMethodSetup;

internal sealed class StartPaymentMethodSetupValidator : AbstractValidator<StartPaymentMethodSetupCommand>
{
    public StartPaymentMethodSetupValidator()
    {
        RuleFor(command => command.SuccessUrl).NotEmpty().Must(BeWebAddress).WithMessage("successUrl must be an absolute http or https URL.");
        RuleFor(command => command.CancelUrl).Must(BeWebAddress).When(command => command.CancelUrl is not null).WithMessage("cancelUrl must be an absolute http or https URL.");
    }

    private static bool BeWebAddress(string? url) =>
        url is not null && url.Length <= 2000 && Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
