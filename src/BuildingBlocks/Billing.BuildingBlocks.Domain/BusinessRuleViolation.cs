namespace Billing.BuildingBlocks.Domain;

/// <summary>
/// A request that is well formed but breaks a rule of the domain in the state it finds
/// (archiving twice, changing a locked field). The API answers it with 409 and <see cref="Code"/>.
/// </summary>
public class BusinessRuleViolation(string code, string message) : Exception(message)
{
    /// <summary>A stable, machine-readable snake_case code, e.g. <c>customer_archived</c>.</summary>
    public string Code { get; } = code;
}
