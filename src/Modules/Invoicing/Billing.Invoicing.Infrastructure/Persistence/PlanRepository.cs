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

    public Task<Plan?> ReadByIdAsync(string id, CancellationToken cancellationToken) =>
        context.Plans.AsNoTracking().SingleOrDefaultAsync(plan => plan.Id == id, cancellationToken);

    public Task<Plan?> ReadByCodeAsync(string code, CancellationToken cancellationToken) =>
        context.Plans.AsNoTracking().SingleOrDefaultAsync(plan => plan.Code == code, cancellationToken);

    public async Task<IReadOnlyList<Plan>> ListAsync(CancellationToken cancellationToken) =>
        await context.Plans.AsNoTracking().OrderBy(plan => plan.CreatedAt).ThenBy(plan => plan.Id).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<BillingInterval>> IntervalsInUseAsync(CancellationToken cancellationToken) =>
        await context.Plans.Select(plan => plan.Interval).Distinct().ToListAsync(cancellationToken);
}
