using Billing.BuildingBlocks.Application.Audit;
using Billing.BuildingBlocks.Infrastructure.Audit;
using Billing.Invoicing.Application.Plans;
using Billing.Invoicing.Domain.Periods;
using Billing.Invoicing.Domain.Plans;
using Microsoft.EntityFrameworkCore;

namespace Billing.Invoicing.Infrastructure.Persistence;

internal sealed class PlanRepository(InvoicingDbContext context) : IPlanRepository
{
    public Task<bool> ExistsAsync(string code, CancellationToken cancellationToken) =>
        context.Plans.AnyAsync(plan => plan.Code == code, cancellationToken);

    public void Add(Plan plan) => context.Plans.Add(plan);

    public Task<Plan?> FindByCodeAsync(string code, CancellationToken cancellationToken) =>
        context.Plans.SingleOrDefaultAsync(plan => plan.Code == code, cancellationToken);

    // A batch rates many invoices of few plans: each plan is read once per unit of work.
    private readonly Dictionary<string, Plan> _read = [];

    public async Task<Plan?> ReadByIdAsync(string id, CancellationToken cancellationToken)
    {
        if (!_read.TryGetValue(id, out var plan))
        {
            plan = await context.Plans.AsNoTracking().SingleOrDefaultAsync(plan => plan.Id == id, cancellationToken);
            if (plan is not null)
            {
                _read[id] = plan;
            }
        }

        return plan;
    }

    public Task<Plan?> ReadByCodeAsync(string code, CancellationToken cancellationToken) =>
        context.Plans.AsNoTracking().SingleOrDefaultAsync(plan => plan.Code == code, cancellationToken);

    public async Task<IReadOnlyList<Plan>> ListAsync(CancellationToken cancellationToken) =>
        await context.Plans.AsNoTracking().OrderBy(plan => plan.CreatedAt).ThenBy(plan => plan.Id).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<BillingInterval>> IntervalsInUseAsync(CancellationToken cancellationToken) =>
        await context.Plans.Select(plan => plan.Interval).Distinct().ToListAsync(cancellationToken);

    public Task<IReadOnlyList<AuditEntryDto>> HistoryAsync(string planId, CancellationToken cancellationToken) =>
        context.ReadAuditHistoryAsync(Application.Plans.PlanMapping.AuditEntityType, planId, cancellationToken);
}
