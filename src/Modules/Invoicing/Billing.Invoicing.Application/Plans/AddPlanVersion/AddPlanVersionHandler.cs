using Billing.BuildingBlocks.Application.Audit;
using Billing.BuildingBlocks.Application.Errors;
using Billing.Invoicing.Contracts;
using MediatR;

namespace Billing.Invoicing.Application.Plans.AddPlanVersion;

/// <summary>
/// PLN-3: a price change is a new version, audited with the prices before and after (AUD-1).
/// PLN-7: a correction is a version dated in the past, audited as <c>price_corrected</c> with its reason.
/// </summary>
internal sealed class AddPlanVersionHandler(IPlanRepository plans, IMediator mediator, IAuditTrail audit, TimeProvider clock)
    : IRequestHandler<AddPlanVersionCommand, PlanDto>
{
    public async Task<PlanDto> Handle(AddPlanVersionCommand command, CancellationToken cancellationToken)
    {
        var plan = await plans.FindByCodeAsync(command.PlanCode, cancellationToken)
            ?? throw new NotFoundException(PlanMapping.AuditEntityType, command.PlanCode);
        await mediator.EnsureMetersExistAsync(command.Charges, cancellationToken);

        var now = clock.GetUtcNow();
        var before = plan.CurrentVersion.ToDto();
        var effectiveFrom = command.EffectiveFrom?.ToUniversalTime() ?? now;
        var (fees, charges) = (command.FixedFees.ToDomain(), command.Charges.ToDomain());
        var version = command.Correction == true
            ? plan.AddCorrection(fees, charges, effectiveFrom, command.Reason!, now)
            : plan.AddVersion(fees, charges, effectiveFrom, now);
        audit.Record(PlanMapping.AuditEntityType, plan.Id, version.IsCorrection ? "price_corrected" : "price_changed", new Dictionary<string, AuditChange>
        {
            ["version"] = new(before.Version, version.Number),
            ["prices"] = new(before, version.ToDto()),
        }, command.Reason);
        return plan.ToDto();
    }
}
