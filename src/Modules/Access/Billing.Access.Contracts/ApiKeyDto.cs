namespace Billing.Access.Contracts;

/// <summary>ENV-2: a key as listed; the secret itself is never shown again after creation.</summary>
public sealed record ApiKeyDto(
    string Id, string Name, string Environment, string Role, string Prefix, string Source, bool Active, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

/// <summary>A key just created, with its secret: the only time the secret is shown.</summary>
public sealed record CreatedApiKeyDto(ApiKeyDto ApiKey, string Key);
