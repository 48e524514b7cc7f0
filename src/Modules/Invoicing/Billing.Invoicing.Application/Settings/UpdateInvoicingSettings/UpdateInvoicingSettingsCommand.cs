using Billing.BuildingBlocks.Application.Messaging;
using Billing.Invoicing.Contracts;

namespace Billing.Invoicing.Application.Settings.UpdateInvoicingSettings;

/// <summary>
/// PUT: every setting at once (absent ones keep their value). Durations are ISO 8601. Refused as a
/// whole when one breaks a bound: a grace period over 72 hours, or not shorter than the shortest
/// billing interval of the environment's plans (INV-3).
/// </summary>
internal sealed record UpdateInvoicingSettingsCommand(
    string? CloseDelay,
    string? DefaultGracePeriod,
    IReadOnlyList<GraceRuleDto>? GraceRules,
    int? DefaultNetTermsDays,
    string? LateUsageWindow) : ICommand<InvoicingSettingsDto>;
