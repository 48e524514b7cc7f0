namespace Billing.BuildingBlocks.Application.Messaging;

/// <summary>
/// The module a type belongs to, read from its assembly (<c>Billing.Customers.Application</c> →
/// <c>Customers</c>). The architecture tests make that naming a rule, so it is safe to rely on.
/// </summary>
public static class ModuleName
{
    public static string? Of(Type type)
    {
        var parts = type.Assembly.GetName().Name?.Split('.');
        return parts is ["Billing", var module, _] && module != "BuildingBlocks" ? module : null;
    }
}
