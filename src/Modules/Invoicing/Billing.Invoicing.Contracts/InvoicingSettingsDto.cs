namespace Billing.Invoicing.Contracts;

/// <summary>
/// INV-2..INV-5 settings of one environment. Durations are ISO 8601 (<c>PT1H</c>, <c>P35D</c>).
/// <c>graceRules</c> apply in order; where several match an invoice the longest grace wins.
/// </summary>
public sealed record InvoicingSettingsDto(
    string CloseDelay,
    string DefaultGracePeriod,
    IReadOnlyList<GraceRuleDto> GraceRules,
    int DefaultNetTermsDays,
    string LateUsageWindow,
    DateTimeOffset? UpdatedAt);

/// <summary>
/// A grace rule: conditions <c>fromSubscriptionCycle</c> (made at the end of a subscription period,
/// not manually) and <c>hasMeteredCharge</c> (has a usage line); a null condition is not checked.
/// </summary>
public sealed record GraceRuleDto(bool? FromSubscriptionCycle, bool? HasMeteredCharge, string? GracePeriod);
