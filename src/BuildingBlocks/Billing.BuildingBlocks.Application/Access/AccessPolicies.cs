namespace Billing.BuildingBlocks.Application.Access;

/// <summary>Authorization policy names used by every module's endpoints (ENV-2).</summary>
public static class AccessPolicies
{
    /// <summary>Any valid key: <c>client</c> or <c>admin</c>.</summary>
    public const string Client = "client";

    /// <summary>Admin keys only.</summary>
    public const string Admin = "admin";
}
