using Billing.BuildingBlocks.Application.Audit;
using Billing.BuildingBlocks.Application.Validation;
using Billing.BuildingBlocks.Domain;
using Billing.BuildingBlocks.Domain.Monetary;
using Billing.Invoicing.Contracts;
using Billing.Invoicing.Domain.Periods;
using Billing.Invoicing.Domain.Plans;
using MediatR;

namespace Billing.Invoicing.Application.Plans.CreatePlan;

internal sealed class CreatePlanHandler(IPlanRepository plans, IMediator mediator, IAuditTrail audit, TimeProvider clock)
    : IRequestHandler<CreatePlanCommand, PlanDto>
{
    public async Task<PlanDto> Handle(CreatePlanCommand command, CancellationToken cancellationToken)
    {
        if (await plans.ExistsAsync(command.Code!, cancellationToken))
        {
            throw new BusinessRuleViolation("plan_exists", $"A plan with code '{command.Code}' already exists in this environment.");
        }

        await mediator.EnsureMetersExistAsync(command.Charges, cancellationToken);
        var plan = Plan.Create(
            command.Code!,
            command.Name!,
            Currency.FromCode(command.Currency!),
            WireName.Parse<BillingInterval>(command.Interval!),
            command.FixedFees.ToDomain(),
            command.Charges.ToDomain(),
            clock.GetUtcNow());
        plans.Add(plan);

        var dto = plan.ToDto();
        audit.Record(PlanMapping.AuditEntityType, plan.Id, "created", new Dictionary<string, AuditChange>
        {
            ["code"] = new(null, plan.Code),
            ["currency"] = new(null, plan.Currency.Code),
            ["interval"] = new(null, dto.Interval),
            ["version1"] = new(null, dto.Versions[0]),
        });
        return dto;
    }
}
