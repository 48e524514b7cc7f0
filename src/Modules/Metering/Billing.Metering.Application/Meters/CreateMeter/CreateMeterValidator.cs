using Billing.BuildingBlocks.Application.Validation;
using Billing.Metering.Domain.Meters;
using FluentValidation;

namespace Billing.Metering.Application.Meters.CreateMeter;

internal sealed class CreateMeterValidator : AbstractValidator<CreateMeterCommand>
{
    private const string Identifier = "^[A-Za-z0-9][A-Za-z0-9_.:-]*$";

    public CreateMeterValidator()
    {
        RuleFor(command => command.Code).NotEmpty().MaximumLength(Meter.MaxCodeLength)
            .Matches(Identifier).WithMessage("code may hold letters, digits and _ . : - only.");
        RuleFor(command => command.DisplayName).NotEmpty().MaximumLength(Meter.MaxNameLength);
        RuleFor(command => command.EventName).NotEmpty().MaximumLength(Meter.MaxCodeLength)
            .Matches(Identifier).WithMessage("eventName may hold letters, digits and _ . : - only.");
        RuleFor(command => command.Aggregation).NotEmpty().WireNameOf<CreateMeterCommand, Aggregation>();
        RuleFor(command => command.Property).NotEmpty()
            .When(command => command.Aggregation is not null && command.Aggregation != WireName.Of(Aggregation.Count))
            .WithMessage("property is required: it names the event property this meter measures.");
        RuleFor(command => command.Property).Null()
            .When(command => command.Aggregation == WireName.Of(Aggregation.Count))
            .WithMessage("property is not used by a count meter.");
        RuleFor(command => command.Property).MaximumLength(Meter.MaxPropertyLength);
    }
}
