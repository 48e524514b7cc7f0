namespace Billing.BuildingBlocks.Application.Errors;

/// <summary>
/// A request refused for what it carries rather than for a field a validator can name (a webhook
/// whose signature does not verify). The API answers 400 with <see cref="Code"/>.
/// </summary>
public sealed class RejectedRequestException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
