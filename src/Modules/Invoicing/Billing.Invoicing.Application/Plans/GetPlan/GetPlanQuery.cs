using Billing.BuildingBlocks.Application.Messaging;
using Billing.Invoicing.Contracts;

namespace Billing.Invoicing.Application.Plans.GetPlan;

internal sealed record GetPlanQuery(string Code) : IQuery<PlanDto>;
