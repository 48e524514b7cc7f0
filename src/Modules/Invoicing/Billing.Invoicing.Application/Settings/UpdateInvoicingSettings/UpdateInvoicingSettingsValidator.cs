using Billing.BuildingBlocks.Application.Validation;
using Billing.Invoicing.Domain.Settings;
using FluentValidation;

namespace Billing.Invoicing.Application.Settings.UpdateInvoicingSettings;

internal sealed class UpdateInvoicingSettingsValidator : AbstractValidator<UpdateInvoicingSettingsCommand>
{
    private const string DurationMessage = "'{PropertyValue}' is not a duration; write ISO 8601, e.g. PT1H or P3D.";

    public UpdateInvoicingSettingsValidator()
    {
        RuleFor(command => command.CloseDelay).Must(BeDuration).When(command => command.CloseDelay is not null).WithMessage(DurationMessage)
            .DependentRules(() => RuleFor(command => command.CloseDelay).Must(text => Within(text, TimeSpan.Zero, InvoicingSettings.MaxCloseDelay))
                .When(command => command.CloseDelay is not null).WithMessage("closeDelay is between PT0S and P7D."));
        RuleFor(command => command.DefaultGracePeriod).Must(BeDuration).When(command => command.DefaultGracePeriod is not null).WithMessage(DurationMessage)
            .DependentRules(() => RuleFor(command => command.DefaultGracePeriod).Must(BeGrace)
                .When(command => command.DefaultGracePeriod is not null).WithMessage(GraceMessage));
        RuleFor(command => command.LateUsageWindow).Must(BeDuration).When(command => command.LateUsageWindow is not null).WithMessage(DurationMessage)
            .DependentRules(() => RuleFor(command => command.LateUsageWindow)
                .Must(text => Within(text, InvoicingSettings.MinLateUsageWindow, InvoicingSettings.MaxLateUsageWindow))
                .When(command => command.LateUsageWindow is not null).WithMessage("lateUsageWindow is between PT1H and P366D."));
        RuleFor(command => command.DefaultNetTermsDays).InclusiveBetween(0, 365);
        RuleFor(command => command.GraceRules).Must(rules => rules is null || rules.Count <= 20).WithMessage("At most 20 grace rules.");
        RuleForEach(command => command.GraceRules).ChildRules(rule =>
        {
            rule.RuleFor(item => item.GracePeriod).NotEmpty().Must(BeDuration).WithMessage(DurationMessage)
                .Must(BeGrace).WithMessage(GraceMessage);
            rule.RuleFor(item => item).Must(item => item.FromSubscriptionCycle is not null || item.HasMeteredCharge is not null)
                .WithName("conditions").WithMessage("A grace rule sets at least one condition: fromSubscriptionCycle or hasMeteredCharge.");
        });
    }

    private const string GraceMessage = "A grace period is between PT0S and PT72H (INV-3).";

    private static bool BeDuration(string? text) => IsoDuration.TryParse(text, out _);

    private static bool BeGrace(string? text) => Within(text, TimeSpan.Zero, GracePeriodPolicy.Maximum);

    private static bool Within(string? text, TimeSpan min, TimeSpan max) =>
        !IsoDuration.TryParse(text, out var duration) || (duration >= min && duration <= max);
}
