using System.Security.Cryptography;
using System.Text;
using Billing.BuildingBlocks.Domain;

namespace Billing.Access.Domain.ApiKeys;

/// <summary>
/// ENV-2: a key belongs to one environment and has one role. Only its SHA-256 hash is stored: keys
/// are 256-bit random secrets, so a fast hash is as safe as a slow one and keeps every request cheap
/// (docs-adr/0010). The prefix is kept so people can tell their keys apart.
/// </summary>
internal sealed class ApiKey
{
    public const string IdPrefix = "key";
    public const int MinimumLength = 20;

    private ApiKey()
    {
    }

    public string Id { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    public BillingEnvironment Environment { get; private set; }

    public ApiKeyRole Role { get; private set; }

    public string Hash { get; private set; } = string.Empty;

    /// <summary>The first characters of the key, safe to show.</summary>
    public string Prefix { get; private set; } = string.Empty;

    /// <summary><c>configuration</c>, <c>bootstrap</c> or <c>api</c>: where the key came from.</summary>
    public string Source { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    public static ApiKey Create(string secret, string name, BillingEnvironment environment, ApiKeyRole role, string source, DateTimeOffset now) => new()
    {
        Id = OpaqueId.New(IdPrefix, now),
        Name = name,
        Environment = environment,
        Role = role,
        Hash = HashOf(secret),
        Prefix = secret[..Math.Min(12, secret.Length)],
        Source = source,
        CreatedAt = now,
    };

    /// <summary><c>bk_test_</c> or <c>bk_live_</c> and 43 characters of base64url randomness.</summary>
    public static string NewSecret(BillingEnvironment environment) =>
        $"bk_{environment.ToWireName()}_{Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_')}";

    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    /// <summary>A configured key follows its configuration: name, environment and role.</summary>
    public void Reconfigure(string name, BillingEnvironment environment, ApiKeyRole role)
    {
        Name = name;
        Environment = environment;
        Role = role;
    }
}
