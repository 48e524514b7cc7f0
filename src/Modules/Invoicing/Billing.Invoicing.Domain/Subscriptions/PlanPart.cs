using Billing.BuildingBlocks.Domain.Time;

namespace Billing.Invoicing.Domain.Subscriptions;

/// <summary>
/// PLN-6: the part of a billed period spent on one plan. Its usage is rated by that plan alone;
/// <see cref="FeeSpan"/> is the time its fixed fees are charged for (the part itself, longer when a
/// later change in the period did not prorate, none when this part began with such a change).
/// </summary>
internal sealed record PlanPart(string PlanId, Period Part, Period? FeeSpan);
