using Billing.BuildingBlocks.Application.Messaging;
using Billing.Invoicing.Contracts;

namespace Billing.Invoicing.Application.Subscriptions.CreateSubscription;

/// <summary>
/// PLN-4. <c>startDate</c> defaults to today (UTC) and may not be earlier; <c>anchorDay</c> to the
/// start's day of month; <c>netTermsDays</c> to 30 for send_invoice and 0 for charge_automatically;
/// <c>trialDays</c> to none (nothing is charged for the trial, PLN-4).
/// </summary>
internal sealed record CreateSubscriptionCommand(
    string? CustomerId,
    string? PlanCode,
    DateTimeOffset? StartDate,
    int? AnchorDay,
    string? CollectionMethod,
    int? NetTermsDays,
    int? TrialDays = null) : ICommand<SubscriptionDto>;
