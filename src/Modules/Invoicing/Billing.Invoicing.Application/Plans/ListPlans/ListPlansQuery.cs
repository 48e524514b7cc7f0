using Billing.BuildingBlocks.Application.Messaging;
using Billing.Invoicing.Contracts;

namespace Billing.Invoicing.Application.Plans.ListPlans;

/// <summary>Every plan of the environment, oldest first (a price list is short).</summary>
internal sealed record ListPlansQuery : IQuery<IReadOnlyList<PlanDto>>;
