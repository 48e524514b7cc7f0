using Billing.Access.Application.ApiKeys;
using Billing.Access.Domain.ApiKeys;
using Billing.Access.Infrastructure.Persistence;
using Billing.BuildingBlocks.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace Billing.Access.Infrastructure.Authentication;

internal sealed record ApiKeyIdentity(string KeyId, BillingEnvironment Environment, ApiKeyRole Role);

/// <summary>
/// Resolves presented keys. Answers are cached for a few seconds so a busy client costs no query
/// per request; a revocation here evicts at once, another instance sees it within
/// <see cref="CacheFor"/> (docs-adr/0010).
/// </summary>
internal sealed class ApiKeyStore(IServiceScopeFactory scopes, IMemoryCache cache) : IRevokedKeys
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    public async Task<ApiKeyIdentity?> AuthenticateAsync(string secret, CancellationToken cancellationToken)
    {
        var hash = ApiKey.HashOf(secret);
        if (cache.TryGetValue(CacheKey(hash), out Lookup? cached) && cached is not null)
        {
            return cached.Identity;
        }

        await using var scope = scopes.CreateAsyncScope();
        var keys = scope.ServiceProvider.GetRequiredService<AccessDbContext>().ApiKeys;
        var identity = await keys.AsNoTracking()
            .Where(key => key.Hash == hash && key.RevokedAt == null)
            .Select(key => new ApiKeyIdentity(key.Id, key.Environment, key.Role))
            .SingleOrDefaultAsync(cancellationToken);
        cache.Set(CacheKey(hash), new Lookup(identity), new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = CacheFor, Size = 1 });
        return identity;
    }

    public void Forget(string hash) => cache.Remove(CacheKey(hash));

    private static string CacheKey(string hash) => "api-key:" + hash;

    private sealed record Lookup(ApiKeyIdentity? Identity);
}
