using Billing.Invoicing.Contracts;
using MediatR;

namespace Billing.Invoicing.Application.Plans.ListPlans;

internal sealed class ListPlansHandler(IPlanRepository plans) : IRequestHandler<ListPlansQuery, IReadOnlyList<PlanDto>>
{
    public async Task<IReadOnlyList<PlanDto>> Handle(ListPlansQuery query, CancellationToken cancellationToken) =>
        (await plans.ListAsync(cancellationToken)).Select(plan => plan.ToDto()).ToList();
}
