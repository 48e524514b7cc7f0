namespace Billing.BuildingBlocks.Application.Errors;

/// <summary>
/// A service Billing depends on (the payment provider) did not answer in time or failed on its side
/// while a client waited. The API answers 503 with <see cref="Code"/>: try again later.
/// </summary>
public sealed class UpstreamUnavailableException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
