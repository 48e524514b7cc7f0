using Billing.Access.Domain.ApiKeys;
using Billing.BuildingBlocks.Application.Validation;
using FluentValidation;

namespace Billing.Access.Application.ApiKeys.CreateApiKey;

internal sealed class CreateApiKeyValidator : AbstractValidator<CreateApiKeyCommand>
{
    public CreateApiKeyValidator()
    {
        RuleFor(command => command.Name).NotEmpty().MaximumLength(100);
        RuleFor(command => command.Role).NotEmpty().WireNameOf<CreateApiKeyCommand, ApiKeyRole>();
    }
}
