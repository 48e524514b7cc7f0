namespace Billing.BuildingBlocks.Application.Errors;

/// <summary>The resource does not exist in the caller's environment. The API answers 404.</summary>
public sealed class NotFoundException(string resource, string id)
    : Exception($"No {resource} '{id}' exists in this environment.")
{
    public string Resource { get; } = resource;
}
