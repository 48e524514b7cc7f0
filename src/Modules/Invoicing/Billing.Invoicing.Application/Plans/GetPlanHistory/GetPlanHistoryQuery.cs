using Billing.BuildingBlocks.Application.Audit;
using Billing.BuildingBlocks.Application.Errors;
using Billing.BuildingBlocks.Application.Messaging;
using MediatR;

namespace Billing.Invoicing.Application.Plans.GetPlanHistory;

/// <summary>
/// PLN-7, AUD-1 ("the audit trail on rates"): every version and correction of a plan, oldest first,
/// with when, which key, the prices before and after, and why.
/// </summary>
internal sealed record GetPlanHistoryQuery(string Code) : IQuery<IReadOnlyList<AuditEntryDto>>;

internal sealed class GetPlanHistoryHandler(IPlanRepository plans) : IRequestHandler<GetPlanHistoryQuery, IReadOnlyList<AuditEntryDto>>
{
    public async Task<IReadOnlyList<AuditEntryDto>> Handle(GetPlanHistoryQuery query, CancellationToken cancellationToken)
    {
        var plan = await plans.ReadByCodeAsync(query.Code, cancellationToken) ?? throw new NotFoundException(PlanMapping.AuditEntityType, query.Code);
        return await plans.HistoryAsync(plan.Id, cancellationToken);
    }
}
