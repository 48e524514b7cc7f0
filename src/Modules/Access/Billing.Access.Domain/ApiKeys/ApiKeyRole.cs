namespace Billing.Access.Domain.ApiKeys;

/// <summary>ENV-2: what a key may do.</summary>
internal enum ApiKeyRole
{
    /// <summary>The integration: customers, usage, reads.</summary>
    Client,

    /// <summary>Everything, including settings, plans, keys, void, regenerate, manual generation, charge.</summary>
    Admin,
}
