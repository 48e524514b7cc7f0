using Billing.BuildingBlocks.Application.Validation;
using Billing.Invoicing.Contracts;
using Billing.Invoicing.Domain.Settings;

namespace Billing.Invoicing.Application.Settings;

internal static class SettingsMapping
{
    public const string AuditEntityType = "invoicing_settings";

    public static InvoicingSettingsDto ToDto(this InvoicingSettings settings, bool saved) => new(
        IsoDuration.Format(settings.CloseDelay),
        IsoDuration.Format(settings.Grace.Default),
        settings.Grace.Rules.Select(rule => new GraceRuleDto(rule.FromSubscriptionCycle, rule.HasMeteredCharge, IsoDuration.Format(rule.GracePeriod))).ToList(),
        settings.DefaultNetTermsDays,
        IsoDuration.Format(settings.LateUsageWindow),
        saved ? settings.UpdatedAt : null);
}
