namespace Billing.BuildingBlocks.Application.Access;

/// <summary>
/// Endpoint metadata for a webhook a provider calls without an API key: the environment comes from
/// the route value <c>{environment}</c> (test or live) and the caller is recorded as
/// <see cref="Actor"/>. The host sets the caller from it; the handler still verifies the signature.
/// </summary>
public sealed record ProviderWebhookEndpoint(string Actor)
{
    public const string EnvironmentRouteValue = "environment";
}
