using Billing.BuildingBlocks.Application.Audit;
using Billing.BuildingBlocks.Application.Validation;
using Billing.BuildingBlocks.Domain;
using Billing.BuildingBlocks.Domain.Monetary;
using Billing.Invoicing.Contracts;
using Billing.Invoicing.Domain.Periods;
using Billing.Invoicing.Domain.Plans;
using Billing.Invoicing.Application.Settings;
using Billing.Invoicing.Domain.Settings;
using MediatR;

namespace Billing.Invoicing.Application.Plans.CreatePlan;

internal sealed class CreatePlanHandler(IPlanRepository plans, IInvoicingSettingsRepository settings, IMediator mediator, IAuditTrail audit, TimeProvider clock)
    : IRequestHandler<CreatePlanCommand, PlanDto>
{
    public async Task<PlanDto> Handle(CreatePlanCommand command, CancellationToken cancellationToken)
    {
        if (await plans.ExistsAsync(command.Code!, cancellationToken))
        {
            throw new BusinessRuleViolation("plan_exists", $"A plan with code '{command.Code}' already exists in this environment.");
        }

        await mediator.EnsureMetersExistAsync(command.Charges, cancellationToken);
        var interval = WireName.Parse<BillingInterval>(command.Interval!);
        var grace = (await settings.GetAsync(cancellationToken)).Grace.Longest;
        if (grace >= BillingIntervals.ShortestLength(interval))
        {
            // INV-3: a draft must finalize before the next period's invoice is made.
            throw new BusinessRuleViolation(
                "grace_period_exceeds_interval",
                $"A {command.Interval} plan cannot be created while a grace period of {GracePeriodPolicy.Describe(grace)} is set; shorten it under /v1/settings/invoicing first.");
        }

        var plan = Plan.Create(
            command.Code!,
            command.Name!,
            Currency.FromCode(command.Currency!),
            interval,
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
