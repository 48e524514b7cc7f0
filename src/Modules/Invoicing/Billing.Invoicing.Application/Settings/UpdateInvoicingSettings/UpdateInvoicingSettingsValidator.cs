using Billing.BuildingBlocks.Application.Validation;
using FluentValidation;

namespace Billing.Invoicing.Application.Settings.UpdateInvoicingSettings;

internal sealed class UpdateInvoicingSettingsValidator : AbstractValidator<UpdateInvoicingSettingsCommand>
{
    private const string DurationMessage = "'{PropertyValue}' is not a duration; write ISO 8601, e.g. PT1H or P3D.";

    public UpdateInvoicingSettingsValidator()
    {
        RuleFor(command => command.CloseDelay).Must(BeDuration).When(command => command.CloseDelay is not null).WithMessage(DurationMessage);
        RuleFor(command => command.DefaultGracePeriod).Must(BeDuration).When(command => command.DefaultGracePeriod is not null).WithMessage(DurationMessage);
        RuleFor(command => command.LateUsageWindow).Must(BeDuration).When(command => command.LateUsageWindow is not null).WithMessage(DurationMessage);
        RuleFor(command => command.DefaultNetTermsDays).InclusiveBetween(0, 365);
        RuleFor(command => command.GraceRules).Must(rules => rules is null || rules.Count <= 20).WithMessage("At most 20 grace rules.");
        RuleForEach(command => command.GraceRules).ChildRules(rule =>
        {
            rule.RuleFor(item => item.GracePeriod).NotEmpty().Must(BeDuration).WithMessage(DurationMessage);
            rule.RuleFor(item => item).Must(item => item.FromSubscriptionCycle is not null || item.HasMeteredCharge is not null)
                .WithName("conditions").WithMessage("A grace rule sets at least one condition: fromSubscriptionCycle or hasMeteredCharge.");
        });
    }

    private static bool BeDuration(string? text) => IsoDuration.TryParse(text, out _);
}
