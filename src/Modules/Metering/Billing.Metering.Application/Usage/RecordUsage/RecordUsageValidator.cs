using FluentValidation;

namespace Billing.Metering.Application.Usage.RecordUsage;

internal sealed class RecordUsageValidator : AbstractValidator<RecordUsageCommand>
{
    public RecordUsageValidator() =>
        RuleFor(command => command.Events)
            .NotEmpty().WithMessage("events must hold at least one event.")
            .Must(events => events is null || events.Count <= RecordUsageCommand.MaxEvents)
            .WithMessage($"A batch holds at most {RecordUsageCommand.MaxEvents} events; split it.");
}
