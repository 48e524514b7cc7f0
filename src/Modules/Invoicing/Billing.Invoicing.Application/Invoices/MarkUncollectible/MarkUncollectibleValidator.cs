using Billing.Invoicing.Domain.Invoices;
using FluentValidation;

namespace Billing.Invoicing.Application.Invoices.MarkUncollectible;

internal sealed class MarkUncollectibleValidator : AbstractValidator<MarkUncollectibleCommand>
{
    public MarkUncollectibleValidator() => RuleFor(command => command.Reason).NotEmpty().MaximumLength(Invoice.MaxReasonLength);
}
