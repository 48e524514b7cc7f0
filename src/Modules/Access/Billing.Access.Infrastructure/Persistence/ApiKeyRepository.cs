using Billing.Access.Application.ApiKeys;
using Billing.Access.Domain.ApiKeys;
using Billing.BuildingBlocks.Domain;
using Microsoft.EntityFrameworkCore;

namespace Billing.Access.Infrastructure.Persistence;

internal sealed class ApiKeyRepository(AccessDbContext context) : IApiKeyRepository
{
    public void Add(ApiKey key) => context.ApiKeys.Add(key);

    public Task<ApiKey?> FindAsync(BillingEnvironment environment, string id, CancellationToken cancellationToken) =>
        context.ApiKeys.SingleOrDefaultAsync(key => key.Id == id && key.Environment == environment, cancellationToken);

    public async Task<IReadOnlyList<ApiKey>> ListAsync(BillingEnvironment environment, CancellationToken cancellationToken) =>
        await context.ApiKeys.AsNoTracking()
            .Where(key => key.Environment == environment)
            .OrderByDescending(key => key.CreatedAt)
            .ThenByDescending(key => key.Id)
            .ToListAsync(cancellationToken);

    public Task<int> CountActiveAdminsAsync(BillingEnvironment environment, string exceptId, CancellationToken cancellationToken) =>
        context.ApiKeys.CountAsync(
            key => key.Environment == environment && key.Role == ApiKeyRole.Admin && key.RevokedAt == null && key.Id != exceptId,
            cancellationToken);

    public Task SaveChangesAsync(CancellationToken cancellationToken) => context.SaveChangesAsync(cancellationToken);
}
