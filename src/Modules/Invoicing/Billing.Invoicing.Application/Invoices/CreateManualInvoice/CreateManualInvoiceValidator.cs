using Billing.BuildingBlocks.Application.Access;
using Billing.BuildingBlocks.Domain;
using Billing.Invoicing.Domain.Invoices;
using FluentValidation;

namespace Billing.Invoicing.Application.Invoices.CreateManualInvoice;

internal sealed class CreateManualInvoiceValidator : AbstractValidator<CreateManualInvoiceCommand>
{
    public CreateManualInvoiceValidator(ICallerContext caller)
    {
        // ENV-3: manual generation is meant for test; in live it bills a real customer, so it must be confirmed.
        RuleFor(command => command.ConfirmLive)
            .Equal(true)
            .When(_ => caller.Environment == BillingEnvironment.Live)
            .WithMessage("A manual invoice in live bills a real customer: send \"confirmLive\": true to confirm (ENV-3).");
        RuleFor(command => command.CustomerId).NotEmpty().MaximumLength(40);
        RuleFor(command => command.SubscriptionId).MaximumLength(40);
        RuleFor(command => command.Reason).MaximumLength(Invoice.MaxReasonLength);
    }
}
