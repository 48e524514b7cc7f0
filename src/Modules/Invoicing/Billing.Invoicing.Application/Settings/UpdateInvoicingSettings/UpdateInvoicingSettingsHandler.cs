using Billing.BuildingBlocks.Application.Audit;
using Billing.BuildingBlocks.Application.Validation;
using Billing.Invoicing.Application.Plans;
using Billing.Invoicing.Contracts;
using Billing.Invoicing.Domain.Periods;
using Billing.Invoicing.Domain.Settings;
using MediatR;

namespace Billing.Invoicing.Application.Settings.UpdateInvoicingSettings;

internal sealed class UpdateInvoicingSettingsHandler(IInvoicingSettingsRepository settings, IPlanRepository plans, IAuditTrail audit, TimeProvider clock)
    : IRequestHandler<UpdateInvoicingSettingsCommand, InvoicingSettingsDto>
{
    public async Task<InvoicingSettingsDto> Handle(UpdateInvoicingSettingsCommand command, CancellationToken cancellationToken)
    {
        var current = await settings.GetAsync(cancellationToken);
        var before = current.ToDto(settings.IsSaved(current));

        var grace = new GracePeriodPolicy(
            Duration(command.DefaultGracePeriod) ?? current.Grace.Default,
            command.GraceRules?.Select(rule => new GraceRule(rule.FromSubscriptionCycle, rule.HasMeteredCharge, Duration(rule.GracePeriod)!.Value)).ToList()
                ?? current.Grace.Rules);
        var intervals = await plans.IntervalsInUseAsync(cancellationToken);
        var shortest = intervals.Count == 0 ? (TimeSpan?)null : intervals.Min(BillingIntervals.ShortestLength);

        current.Change(
            Duration(command.CloseDelay) ?? current.CloseDelay,
            grace,
            command.DefaultNetTermsDays ?? current.DefaultNetTermsDays,
            Duration(command.LateUsageWindow) ?? current.LateUsageWindow,
            shortest,
            clock.GetUtcNow());
        if (!settings.IsSaved(current))
        {
            settings.Add(current);
        }

        var after = current.ToDto(saved: true);
        audit.Record(SettingsMapping.AuditEntityType, current.Id, "changed", AuditChanges.Between(before with { UpdatedAt = null }, after with { UpdatedAt = null }));
        return after;
    }

    private static TimeSpan? Duration(string? text) => IsoDuration.TryParse(text, out var duration) ? duration : null;
}
