using Billing.BuildingBlocks.Application.Errors;
using Billing.Invoicing.Contracts;
using MediatR;

namespace Billing.Invoicing.Application.Plans.GetPlan;

internal sealed class GetPlanHandler(IPlanRepository plans) : IRequestHandler<GetPlanQuery, PlanDto>
{
    public async Task<PlanDto> Handle(GetPlanQuery query, CancellationToken cancellationToken) =>
        (await plans.ReadByCodeAsync(query.Code, cancellationToken) ?? throw new NotFoundException(PlanMapping.AuditEntityType, query.Code)).ToDto();
}
