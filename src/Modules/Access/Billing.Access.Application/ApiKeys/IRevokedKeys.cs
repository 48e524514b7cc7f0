namespace Billing.Access.Application.ApiKeys;

/// <summary>Tells the authentication's cache that a key is revoked, so this instance refuses it at once (others within their cache's lifetime).</summary>
internal interface IRevokedKeys
{
    void Forget(string hash);
}
