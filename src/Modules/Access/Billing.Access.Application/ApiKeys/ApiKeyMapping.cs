using Billing.Access.Contracts;
using Billing.Access.Domain.ApiKeys;
using Billing.BuildingBlocks.Application.Validation;
using Billing.BuildingBlocks.Domain;

namespace Billing.Access.Application.ApiKeys;

internal static class ApiKeyMapping
{
    public const string ResourceName = "API key";

    public static ApiKeyDto ToDto(this ApiKey key) => new(
        key.Id, key.Name, key.Environment.ToWireName(), WireName.Of(key.Role), key.Prefix, key.Source, key.IsActive, key.CreatedAt, key.RevokedAt);
}
